package dev.fsm.spi;

import dev.fsm.TransitionAttempt;

/**
 * Records transitions inside their transaction: the audit trail is one; an application
 * may add recorders of its own (beans of this type). A recorder that throws rolls the
 * transition back. Calls for one entity and workflow nest like the transitions they
 * report: a transition chained from another's body is {@code starting} and
 * {@code completed} between the other's.
 */
public interface TransitionRecorder {

	/**
	 * The transition passed its checks, no {@code PreTransitionEvent} listener vetoed it,
	 * and it is about to change the state; called in its transaction. The audit trail
	 * notes here when the transition began and its place among the transitions chained on
	 * one entity. A recorder that throws here rolls the transition back (a joined
	 * transaction is marked rollback-only).
	 */
	default void starting(TransitionAttempt attempt) {
	}

	/** The transition completed: the entity is saved and flushed, in its transaction. */
	void completed(TransitionAttempt attempt);

	/**
	 * The body threw and the entity moved to the {@code onError} state, {@code attempt}'s
	 * target; called in the transaction that writes that state.
	 */
	void movedToErrorState(TransitionAttempt attempt);

	/**
	 * A state was set with {@code Transitions.forceState}: the attempt's transition is
	 * {@value dev.fsm.Transitions#FORCED}, its description the reason. Called in its
	 * transaction.
	 */
	default void forced(TransitionAttempt attempt) {
	}

}
