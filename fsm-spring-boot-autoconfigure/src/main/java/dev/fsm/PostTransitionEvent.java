package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * Published after a transition has run and the entity has been saved and flushed, inside
 * the transition's transaction. A {@code @TransactionalEventListener} receives it after
 * commit only; a plain {@code @EventListener} receives it at once and may still roll the
 * transition back by throwing.
 *
 * @param <T> the entity type
 */
public class PostTransitionEvent<T> extends TransitionEvent<T> {

	private final @Nullable Object result;

	public PostTransitionEvent(TransitionAttempt attempt, @Nullable Object result) {
		super(attempt);
		this.result = result;
	}

	/** What the transition method returned. */
	public @Nullable Object getResult() {
		return this.result;
	}

}
