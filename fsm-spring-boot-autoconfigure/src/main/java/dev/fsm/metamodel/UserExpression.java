package dev.fsm.metamodel;

import org.jspecify.annotations.Nullable;

/**
 * A compiled expression about the current user alone, evaluated like a permission
 * ({@code authentication}, {@code principal}, {@code hasRole(..)},
 * {@code @bean.method(..)}): who reads every entity ({@code fsm.web.read-all}) and the
 * {@code :#{..}} parameters of read filters.
 * <p>
 * Public because the security integration implements it and the HTTP API evaluates it.
 */
public interface UserExpression {

	/** The expression as declared. */
	String expression();

	/** Its value for the current user. */
	@Nullable Object value();

	/** Whether it grants the current user, as a permission would. */
	default boolean isGranted() {
		return Boolean.TRUE.equals(value());
	}

}
