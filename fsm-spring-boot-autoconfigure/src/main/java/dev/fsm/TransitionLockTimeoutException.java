package dev.fsm;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A transition in {@linkplain Locking#PESSIMISTIC pessimistic} mode could not lock its
 * entity's row within its lock timeout: another transaction holds it. Nothing changed;
 * try again later.
 */
public class TransitionLockTimeoutException extends PessimisticLockingFailureException implements TransitionRefusal {

	private final Class<?> entityType;

	private final @Nullable Object entityId;

	private final String transition;

	private final String currentState;

	private final Duration timeout;

	public TransitionLockTimeoutException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, String currentState, Duration timeout, @Nullable Throwable cause) {
		super(message, cause);
		this.entityType = entityType;
		this.entityId = entityId;
		this.transition = transition;
		this.currentState = currentState;
		this.timeout = timeout;
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

	/** The name of the transition that waited. */
	@Override
	public String getTransition() {
		return this.transition;
	}

	/** The state the entity was in when the transition was fired. */
	@Override
	public String getCurrentState() {
		return this.currentState;
	}

	/** How long the transition waited for the lock; zero for {@code NOWAIT}. */
	public Duration getTimeout() {
		return this.timeout;
	}

	@Override
	public Reason getReason() {
		return Reason.LOCK_TIMEOUT;
	}

}
