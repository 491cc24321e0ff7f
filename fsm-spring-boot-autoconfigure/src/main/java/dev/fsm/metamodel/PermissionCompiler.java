package dev.fsm.metamodel;

/**
 * Compiles {@code @Transition(permission = ..)} expressions; provided when Spring
 * Security is present.
 * <p>
 * Public because the security integration implements it.
 */
@FunctionalInterface
public interface PermissionCompiler {

	/**
	 * Compiles a permission expression.
	 * @throws IllegalArgumentException when the expression does not parse
	 */
	TransitionPermission compile(String expression);

	/**
	 * Compiles an expression about the current user alone, evaluated like a permission
	 * but without an entity: who reads every entity, and the parameters of read filters.
	 * @throws IllegalArgumentException when the expression does not parse
	 * @since 0.4.0
	 */
	default UserExpression user(String expression) {
		throw new IllegalStateException("this permission compiler cannot evaluate expressions about the user");
	}

}
