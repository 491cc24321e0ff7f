package dev.fsm;

import java.lang.reflect.Type;

/**
 * A parameter a caller supplies when firing a transition: one of the transition method's
 * parameters, the entity of a flow bean's method aside. User interfaces build a form from them.
 *
 * @param name the parameter name (compile with {@code -parameters})
 * @param type the parameter's class
 * @param genericType the parameter's type with its type arguments ({@code List<String>})
 * @param optional whether it may be left out: a Kotlin parameter with a default value, when the
 * ones after it are left out too
 * @param nullable whether {@code null} is a value: not for a primitive, nor for a Kotlin
 * parameter of a non-null type
 * @since 0.2.0
 */
public record TransitionParameter(String name, Class<?> type, Type genericType, boolean optional, boolean nullable) {

	/** A Java parameter: never optional, nullable unless primitive. */
	public static TransitionParameter of(String name, Class<?> type, Type genericType) {
		return new TransitionParameter(name, type, genericType, false, !type.isPrimitive());
	}

}
