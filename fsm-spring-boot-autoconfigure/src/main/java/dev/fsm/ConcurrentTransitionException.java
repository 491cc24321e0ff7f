package dev.fsm;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Another transaction changed the entity while the transition ran: its {@code @Version}
 * no longer matched when the transition saved it, or (for an entity without
 * {@code @Version}) another transaction recorded the same step of its audit trail first.
 * The transition is rolled back; reload the entity and try again.
 */
public class ConcurrentTransitionException extends OptimisticLockingFailureException implements TransitionRefusal {

	private final Class<?> entityType;

	private final @Nullable Object entityId;

	private final String transition;

	private final String currentState;

	public ConcurrentTransitionException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, String currentState, @Nullable Throwable cause) {
		super(message, cause);
		this.entityType = entityType;
		this.entityId = entityId;
		this.transition = transition;
		this.currentState = currentState;
	}

	/** The entity class. */
	@Override
	public Class<?> getEntityType() {
		return this.entityType;
	}

	/** The entity's id. */
	@Override
	public @Nullable Object getEntityId() {
		return this.entityId;
	}

	/** The name of the transition that lost the race. */
	@Override
	public String getTransition() {
		return this.transition;
	}

	/** The state the entity was in when the transition was fired. */
	@Override
	public String getCurrentState() {
		return this.currentState;
	}

	@Override
	public Reason getReason() {
		return Reason.CONFLICT;
	}

}
