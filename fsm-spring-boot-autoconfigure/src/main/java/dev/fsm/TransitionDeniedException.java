package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * The current user may not fire the transition: its {@link Transition#permission()
 * permission} expression evaluated to {@code false}. An HTTP API maps it to 403
 * Forbidden.
 */
public class TransitionDeniedException extends TransitionException {

	private final String actor;

	private final String permission;

	private final String userMessage;

	public TransitionDeniedException(String message, Class<?> entityType, @Nullable Object entityId, String transition,
			String currentState, String actor, String permission) {
		this(message, entityType, entityId, transition, currentState, actor, permission,
				WorkflowMessages.Sentences.DENIED);
	}

	/**
	 * @param userMessage what the refused user is told, without the expression
	 * ({@link Transition#permissionMessage()} or the message source)
	 * @since 0.5.0
	 */
	public TransitionDeniedException(String message, Class<?> entityType, @Nullable Object entityId, String transition,
			String currentState, String actor, String permission, String userMessage) {
		super(message, entityType, entityId, transition, currentState);
		this.actor = actor;
		this.permission = permission;
		this.userMessage = userMessage;
	}

	/**
	 * What the refused user is told, such as "Only the report's author may submit it", in
	 * the locale of the request that fired it; {@link #getMessage()} is for developers
	 * and names the expression.
	 * @since 0.5.0
	 */
	public String getUserMessage() {
		return this.userMessage;
	}

	/** The name of the user who was refused. */
	public String getActor() {
		return this.actor;
	}

	/** The permission expression that refused. */
	public String getPermission() {
		return this.permission;
	}

	@Override
	public Reason getReason() {
		return Reason.DENIED;
	}

}
