package dev.fsm.engine;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionAttempt;

/**
 * Wraps every transition attempt, for metrics and tracing: the auto-configuration provides one
 * with Micrometer. Public because that one lives in the observation package; an application may
 * declare its own bean instead.
 */
@FunctionalInterface
public interface TransitionObserver {

	/** An observer that adds nothing. */
	TransitionObserver NONE = (attempt, execution) -> execution.proceed();

	/**
	 * Runs {@code execution}, observing it.
	 * @param attempt the attempt as it starts: the source state is not read yet
	 * @return what the execution returned
	 * @throws Throwable what the execution threw, which tells how the attempt ended
	 */
	@Nullable Object observe(TransitionAttempt attempt, Execution execution) throws Throwable;

	/** The attempt itself. */
	interface Execution {

		/** Runs the attempt. */
		@Nullable Object proceed() throws Throwable;

		/** The attempt as it is now; after {@link #proceed()}, as it ended. */
		TransitionAttempt attempt();

	}

}
