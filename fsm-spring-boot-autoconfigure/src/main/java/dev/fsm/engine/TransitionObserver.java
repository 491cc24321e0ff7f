package dev.fsm.engine;

import org.jspecify.annotations.Nullable;

/**
 * Wraps every transition attempt, for metrics and tracing. The default runs the attempt as
 * it is.
 */
@FunctionalInterface
public interface TransitionObserver {

	/** An observer that adds nothing. */
	TransitionObserver NONE = (attempt, execution) -> execution.proceed();

	/**
	 * Runs {@code execution}, observing {@code attempt}; when this returns or throws, the
	 * attempt's outcome is set.
	 */
	@Nullable Object observe(TransitionAttempt attempt, Execution execution) throws Throwable;

	/** The attempt itself. */
	@FunctionalInterface
	interface Execution {

		@Nullable Object proceed() throws Throwable;

	}

}
