package dev.fsm.engine;

/**
 * Records transitions inside their transaction, after the entity was saved and flushed: the
 * audit trail. A recorder that throws rolls the transition back.
 */
public interface TransitionRecorder {

	/**
	 * The transition passed its checks (source state, conditions, permission) and is about to
	 * publish its {@code PreTransitionEvent} and change the state; called in its transaction.
	 * The audit trail reads here which step of the entity's history this transition will be, so
	 * that two transactions that passed their checks against the same step cannot both commit.
	 */
	default void starting(TransitionAttempt attempt) {
	}

	/** The transition completed; called in its transaction. */
	void completed(TransitionAttempt attempt);

	/**
	 * The transition failed and the entity moved to its {@code onError} state; called in the
	 * transaction that writes that state.
	 */
	void movedToErrorState(TransitionAttempt attempt);

	/** A state was set with {@code Transitions.forceState}; called in its transaction. */
	default void forced(ForcedState change) {
	}

}
