package dev.fsm.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionLockTimeoutException;
import dev.fsm.VersionMismatchException;
import dev.fsm.metamodel.TransitionModel;

/**
 * Fires a transition declared safe to repeat ({@code retries}) again when it loses to a
 * concurrent change: each attempt loads a fresh copy in a new transaction, after an
 * exponential backoff with jitter ({@code fsm.retry.*}). The final failure names the
 * attempts and carries the earlier ones as suppressed exceptions.
 */
final class TransitionRetries {

	private final ConcurrencySettings settings;

	TransitionRetries(ConcurrencySettings settings) {
		this.settings = settings;
	}

	<T> T run(TransitionModel transition, Supplier<T> attempt) {
		int retries = transition.concurrency().retries();
		BackOffExecution backOff = null;
		List<RuntimeException> lost = new ArrayList<>();
		while (true) {
			try {
				return attempt.get();
			}
			catch (ConcurrentTransitionException | TransitionLockTimeoutException ex) {
				if (ex instanceof VersionMismatchException) {
					throw ex; // the caller asked for one version: another attempt cannot
								// help
				}
				lost.add(ex);
				if (lost.size() > retries) {
					throw TransitionErrors.gaveUp(transition, lost);
				}
				backOff = (backOff != null) ? backOff : backOff().start();
				pause(backOff.nextBackOff(), lost);
			}
		}
	}

	private ExponentialBackOff backOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.settings.retryDelay().toMillis(), 2.0);
		backOff.setMaxInterval(this.settings.retryMaxDelay().toMillis());
		backOff.setJitter(this.settings.retryDelay().toMillis() / 2);
		return backOff;
	}

	private static void pause(long millis, List<RuntimeException> lost) {
		try {
			Thread.sleep(Math.max(millis, 0));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw lost.get(lost.size() - 1);
		}
	}

}
