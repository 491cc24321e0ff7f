package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * Base class of the exceptions thrown when a transition is refused. Each names the entity
 * type and id, the transition and the current state; nothing has changed when one is
 * thrown. The exceptions that extend a Spring exception instead
 * ({@link ConcurrentTransitionException}, {@link TransitionLockTimeoutException}, ...)
 * share the same getters through {@link TransitionRefusal}.
 */
public abstract class TransitionException extends RuntimeException implements TransitionRefusal {

	private final Class<?> entityType;

	private final @Nullable Object entityId;

	private final String transition;

	private final @Nullable String currentState;

	protected TransitionException(String message, Class<?> entityType, @Nullable Object entityId, String transition,
			@Nullable String currentState) {
		super(message);
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

	/** The entity's id, {@code null} for an entity that was never saved. */
	@Override
	public @Nullable Object getEntityId() {
		return this.entityId;
	}

	/** The name of the transition that was refused. */
	@Override
	public String getTransition() {
		return this.transition;
	}

	/** The state the entity is in. */
	@Override
	public @Nullable String getCurrentState() {
		return this.currentState;
	}

}
