package dev.fsm.engine;

/**
 * Records transitions inside their transaction, after the entity was saved and flushed: the
 * audit trail. A recorder that throws rolls the transition back.
 */
public interface TransitionRecorder {

	/** The transition completed; called in its transaction. */
	void completed(TransitionAttempt attempt);

	/**
	 * The transition failed and the entity moved to its {@code onError} state; called in the
	 * transaction that writes that state.
	 */
	void movedToErrorState(TransitionAttempt attempt);

}
