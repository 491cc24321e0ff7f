package dev.fsm.audit;

import java.time.Instant;

import dev.fsm.engine.TransitionAttempt;

/**
 * The place a running transition will take in the history of its entity and workflow: the step
 * after the last one recorded when it passed its checks, and the time it did.
 */
record ReservedStep(TransitionAttempt attempt, long sequence, Instant occurredAt) {

	/** Whether this step belongs to a transition of the same entity object and workflow. */
	boolean sameHistoryAs(TransitionAttempt other) {
		return this.attempt.entity() == other.entity() && this.attempt.workflow().equals(other.workflow());
	}

}
