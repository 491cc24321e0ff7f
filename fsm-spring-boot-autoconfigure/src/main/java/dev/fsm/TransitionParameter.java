package dev.fsm;

import java.lang.reflect.Type;

/**
 * A parameter a caller supplies when firing a transition: one of the transition method's
 * parameters, the entity of a flow bean's method aside. User interfaces build a form from them.
 *
 * @param name the parameter name (compile with {@code -parameters})
 * @param type the parameter's class
 * @param genericType the parameter's type with its type arguments ({@code List<String>})
 * @since 0.2.0
 */
public record TransitionParameter(String name, Class<?> type, Type genericType) {

	/** Whether a value must be given: primitives cannot be {@code null}. */
	public boolean isRequired() {
		return this.type.isPrimitive();
	}

}
