package dev.fsm;

/**
 * Published after the source state, conditions and permission have been checked and
 * before the state changes and the body runs, in the transition's transaction. A listener
 * vetoes the transition by throwing: the exception reaches the caller and nothing
 * changes.
 *
 * @param <T> the entity type
 */
public class PreTransitionEvent<T> extends TransitionEvent<T> {

	public PreTransitionEvent(TransitionAttempt attempt) {
		super(attempt);
	}

}
