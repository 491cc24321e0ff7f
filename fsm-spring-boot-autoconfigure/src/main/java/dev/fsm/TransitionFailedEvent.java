package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Published when a transition's body (or the save that follows it) threw. The entity is back
 * in its source state, or in the {@link Transition#onError() onError} state when the
 * transition declares one. When the entity moved to its {@code onError} state, the event is
 * published in the transaction that records that move; otherwise after the transition's own
 * transaction has rolled back, or in the caller's transaction the transition joined.
 *
 * @param <T> the entity type
 */
public class TransitionFailedEvent<T> extends TransitionEvent<T> {

	private final Throwable exception;

	private final String resultingState;

	private final boolean movedToErrorState;

	public TransitionFailedEvent(T entity, Workflow workflow, String transition, String sourceState,
			@Nullable String targetState, String actor, List<@Nullable Object> arguments, Throwable exception,
			String resultingState, boolean movedToErrorState) {
		super(entity, workflow, transition, sourceState, targetState, actor, arguments);
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
