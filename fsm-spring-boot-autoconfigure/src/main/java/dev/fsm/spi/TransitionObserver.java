package dev.fsm.spi;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionAttempt;

/**
 * Wraps every transition attempt, for metrics and tracing: the auto-configuration
 * provides one with Micrometer; an application may add its own beans, which wrap the
 * attempt in their order.
 */
@FunctionalInterface
public interface TransitionObserver {

	/** An observer that adds nothing. */
	TransitionObserver NONE = (attempt, execution) -> execution.proceed();

	/**
	 * One observer made of several, in order: the first wraps the second, which wraps the
	 * execution.
	 */
	static TransitionObserver of(java.util.List<TransitionObserver> observers) {
		TransitionObserver composite = NONE;
		for (int i = observers.size() - 1; i >= 0; i--) {
			TransitionObserver outer = observers.get(i);
			TransitionObserver inner = composite;
			composite = (inner == NONE) ? outer : (attempt, execution) -> outer.observe(attempt, new Execution() {

				@Override
				public @Nullable Object proceed() throws Throwable {
					return inner.observe(attempt, execution);
				}

				@Override
				public TransitionAttempt attempt() {
					return execution.attempt();
				}

			});
		}
		return composite;
	}

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
