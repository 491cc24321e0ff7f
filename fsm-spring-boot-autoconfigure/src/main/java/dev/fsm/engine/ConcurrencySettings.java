package dev.fsm.engine;

import java.time.Duration;

import dev.fsm.Locking;
import dev.fsm.metamodel.ConcurrencyPolicy;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;

/**
 * The application's defaults for what transitions declare with {@code lock},
 * {@code lockTimeout} and {@code retries} ({@code fsm.locking.*}, {@code fsm.retry.*}).
 * <p>
 * Public because the auto-configuration creates it.
 *
 * @param mode the locking mode of transitions whose workflow declares none
 * @param lockTimeout how long a pessimistic transition waits for its row lock, unless
 * declared
 * @param retryDelay the pause before the first retry; it doubles for each next one
 * @param retryMaxDelay the longest pause between two retries
 */
public record ConcurrencySettings(Locking mode, Duration lockTimeout, Duration retryDelay, Duration retryMaxDelay) {

	/** Optimistic, a 5 second lock timeout, retries after 10 ms doubling up to 200 ms. */
	public static final ConcurrencySettings DEFAULTS = new ConcurrencySettings(Locking.OPTIMISTIC,
			Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(200));

	public ConcurrencySettings {
		if (mode == Locking.DEFAULT) {
			throw new IllegalArgumentException("fsm.locking.mode is OPTIMISTIC or PESSIMISTIC, not DEFAULT");
		}
		if (lockTimeout.isNegative()) {
			throw new IllegalArgumentException("fsm.locking.timeout is zero (NOWAIT) or more, not " + lockTimeout);
		}
		if (retryDelay.isNegative() || retryMaxDelay.compareTo(retryDelay) < 0) {
			throw new IllegalArgumentException("fsm.retry.delay (" + retryDelay + ") is zero or more and at most"
					+ " fsm.retry.max-delay (" + retryMaxDelay + ")");
		}
	}

	/** Whether {@code transition} locks its entity's row before its checks. */
	boolean isPessimistic(TransitionModel transition) {
		Locking declared = transition.concurrency().lock();
		return (declared == Locking.DEFAULT) ? this.mode == Locking.PESSIMISTIC : declared == Locking.PESSIMISTIC;
	}

	/** How long {@code transition} waits for its row lock; zero: not at all. */
	Duration lockTimeout(TransitionModel transition) {
		return lockTimeout(transition.concurrency());
	}

	/**
	 * How long a forced state of {@code workflow} waits for its row lock; zero: not at
	 * all.
	 */
	Duration lockTimeout(WorkflowModel workflow) {
		return lockTimeout(workflow.concurrency());
	}

	private Duration lockTimeout(ConcurrencyPolicy policy) {
		Duration declared = policy.lockTimeout();
		return (declared != null) ? declared : this.lockTimeout;
	}

}
