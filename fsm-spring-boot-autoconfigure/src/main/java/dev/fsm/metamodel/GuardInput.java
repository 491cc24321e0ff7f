package dev.fsm.metamodel;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * What a condition or permission expression sees: the entity, the transition method and
 * its arguments, and the source and target states.
 *
 * @param entity the entity
 * @param method the transition method
 * @param target the object the method is invoked on: the entity, or the flow bean
 * @param arguments the method arguments; {@code null} entries when evaluated for a query
 * such as {@code available(entity)}
 * @param parameterNames the method's parameter names
 * @param source the current state name
 * @param targetState the target state name, {@code null} for a dynamic target
 * <p>
 * Public because the engine builds it and the security integration evaluates it.
 */
public record GuardInput(Object entity, Method method, Object target, @Nullable Object[] arguments,
		String[] parameterNames, String source, @Nullable String targetState) {

}
