package dev.fsm.metamodel;

import org.jspecify.annotations.Nullable;

/**
 * Compiles condition and permission expressions once, at start-up.
 * <p>
 * Public because the engine implements it and the security integration compiles
 * permissions for it.
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
	 * @throws IllegalStateException when permissions cannot be checked in this
	 * application
	 */
	TransitionPermission permission(String expression);

	/**
	 * Compiles an expression about the current user alone, evaluated like a permission:
	 * {@code fsm.web.read-all} and the parameters of read filters.
	 * @throws IllegalArgumentException when the expression does not parse
	 * @throws IllegalStateException when permissions cannot be checked in this
	 * application
	 */
	default UserExpression user(String expression) {
		throw new IllegalStateException("expressions about the user need Spring Security on the classpath"
				+ " (add spring-boot-starter-security)");
	}

	/**
	 * The permission of transitions that declare none
	 * ({@code fsm.security.default-permission}), or {@code null} for none.
	 */
	default @Nullable String defaultPermission() {
		return null;
	}

}
