package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * A transition was fired where its caller's transaction or user did not follow: by a
 * Kotlin coroutine on another thread than the one holding the caller's transaction, or
 * one that carries no user, or from a {@code @Transactional} suspend function. It would
 * have committed apart from the caller, or run as another user, so it was refused;
 * nothing has changed. The message says how to carry the caller along.
 *
 * @since 0.6.0
 */
public class CallerLeftBehindException extends TransitionException {

	public CallerLeftBehindException(String message, Class<?> entityType, @Nullable Object entityId, String transition,
			@Nullable String currentState) {
		super(message, entityType, entityId, transition, currentState);
	}

	@Override
	public Reason getReason() {
		return Reason.CALLER_LEFT_BEHIND;
	}

}
