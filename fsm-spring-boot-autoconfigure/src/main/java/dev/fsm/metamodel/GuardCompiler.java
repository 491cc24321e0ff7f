package dev.fsm.metamodel;

/**
 * Compiles condition and permission expressions once, at start-up.
 * <p>
 * Public because the engine implements it and the security integration compiles permissions for it.
 */
public interface GuardCompiler {

	/**
	 * Compiles a condition.
	 * @throws IllegalArgumentException when the expression does not parse
	 */
	TransitionCondition condition(String expression);

	/**
	 * Compiles a permission.
	 * @throws IllegalArgumentException when the expression does not parse
	 * @throws IllegalStateException when permissions cannot be checked in this application
	 */
	TransitionPermission permission(String expression);

}
