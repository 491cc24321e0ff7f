package dev.fsm.audit;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.fsm.engine.TransitionAttempt;

/**
 * The steps reserved by the transitions running in the current transaction. A transition
 * chained from another one's body passes its checks after the outer one but records first, so
 * it must not take the step the outer one reserved.
 */
final class StepReservations extends ResourceHolderSupport {

	private final List<ReservedStep> steps = new ArrayList<>();

	/** The reservations of the current transaction, bound to it on first use. */
	static StepReservations current(Object key) {
		StepReservations reservations = (StepReservations) TransactionSynchronizationManager.getResource(key);
		if (reservations == null) {
			reservations = new StepReservations();
			reservations.setSynchronizedWithTransaction(true);
			TransactionSynchronizationManager.bindResource(key, reservations);
			TransactionSynchronizationManager
				.registerSynchronization(new ResourceHolderSynchronization<>(reservations, key) {
				});
		}
		return reservations;
	}

	/** The reservations of the current transaction, if it has any. */
	static @Nullable StepReservations existing(Object key) {
		return (StepReservations) TransactionSynchronizationManager.getResource(key);
	}

	/**
	 * The highest step reserved by a transition of the same entity and workflow that is still
	 * running; 0 when there is none. Transitions that ended without recording (vetoed, failed)
	 * are forgotten here.
	 */
	long highestRunning(TransitionAttempt attempt) {
		this.steps.removeIf((step) -> step.attempt().outcome() != null);
		long highest = 0;
		for (ReservedStep step : this.steps) {
			if (step.sameHistoryAs(attempt)) {
				highest = Math.max(highest, step.sequence());
			}
		}
		return highest;
	}

	void add(ReservedStep step) {
		this.steps.add(step);
	}

	/** Removes and returns the step reserved by {@code attempt}. */
	@Nullable ReservedStep take(TransitionAttempt attempt) {
		for (int i = 0; i < this.steps.size(); i++) {
			if (this.steps.get(i).attempt() == attempt) {
				return this.steps.remove(i);
			}
		}
		return null;
	}

}
