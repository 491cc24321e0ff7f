package dev.fsm.metamodel;

/**
 * Compiles {@code @Transition(permission = ..)} expressions; provided when Spring Security is
 * present.
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

}
