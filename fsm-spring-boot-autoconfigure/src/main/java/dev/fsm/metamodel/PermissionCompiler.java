package dev.fsm.metamodel;

/**
 * Compiles {@code @Transition(permission = ..)} expressions; provided when Spring Security is
 * present.
 */
@FunctionalInterface
public interface PermissionCompiler {

	/**
	 * Compiles a permission expression.
	 * @throws IllegalArgumentException when the expression does not parse
	 */
	TransitionPermission compile(String expression);

}
