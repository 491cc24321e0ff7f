package dev.fsm;

/**
 * Published when a transition failed after its checks passed and no listener vetoed it:
 * its body threw, or the save, the audit record, a post-transition listener or the commit
 * failed. The entity is back in its source state (your instance as it was before the
 * transition), or in the {@link Transition#onError() onError} state when the body threw
 * and the transition declares one. When the entity moved to its {@code onError} state,
 * the event is published in the transaction that records that move; otherwise after the
 * transition's own transaction has rolled back, or in the caller's transaction the
 * transition joined.
 *
 * @param <T> the entity type
 */
public class TransitionFailedEvent<T> extends TransitionEvent<T> {

	private final Throwable exception;

	private final String resultingState;

	private final boolean movedToErrorState;

	public TransitionFailedEvent(TransitionAttempt attempt, Throwable exception, String resultingState,
			boolean movedToErrorState) {
		super(attempt);
		this.exception = exception;
		this.resultingState = resultingState;
		this.movedToErrorState = movedToErrorState;
	}

	/** What the transition threw; it reaches the caller unchanged. */
	public Throwable getException() {
		return this.exception;
	}

	/** The state the entity is in now: the source state, or the {@code onError} state. */
	public String getResultingState() {
		return this.resultingState;
	}

	/** Whether the entity moved to the transition's {@code onError} state. */
	public boolean isMovedToErrorState() {
		return this.movedToErrorState;
	}

}
