package dev.fsm.audit;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The steps reserved by the transitions running in the current transaction, innermost last. A
 * transition chained from another one's body reserves after the outer one and records first, so
 * it takes the step after the outer one's, and each record takes the innermost reservation.
 * Transitions that fail after reserving mark the transaction rollback-only, so a reservation
 * they leave behind is never recorded.
 */
final class StepReservations extends ResourceHolderSupport {

	private final Deque<ReservedStep> steps = new ArrayDeque<>();

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
	 * The highest step reserved by a running transition of the same entity object and workflow;
	 * -1 when there is none.
	 */
	long highestRunning(Object entity, String workflow) {
		long highest = -1;
		for (ReservedStep step : this.steps) {
			if (step.entity() == entity && step.workflow().equals(workflow)) {
				highest = Math.max(highest, step.sequence());
			}
		}
		return highest;
	}

	void push(ReservedStep step) {
		this.steps.push(step);
	}

	/** Removes and returns the innermost reservation. */
	@Nullable ReservedStep pop() {
		return this.steps.poll();
	}

}
