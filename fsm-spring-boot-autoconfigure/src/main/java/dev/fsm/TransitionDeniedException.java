package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * The current user may not fire the transition: its {@link Transition#permission() permission}
 * expression evaluated to {@code false}. An HTTP API maps it to 403 Forbidden.
 */
public class TransitionDeniedException extends TransitionException {

	private final String actor;

	private final String permission;

	public TransitionDeniedException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, String currentState, String actor, String permission) {
		super(message, entityType, entityId, transition, currentState);
		this.actor = actor;
		this.permission = permission;
	}

	/** The name of the user who was refused. */
	public String getActor() {
		return this.actor;
	}

	/** The permission expression that refused. */
	public String getPermission() {
		return this.permission;
	}

}
