package dev.fsm;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * A {@link StateField} was about to be written by something other than a transition: a
 * field write or setter on a managed entity, a {@code merge} or
 * {@code repository.save(..)} of a copy whose state was changed, reflection, or a new
 * entity persisted in a state the workflow does not start in. Thrown when the persistence
 * context flushes; the transaction is rolled back and nothing is stored.
 * <p>
 * Fire a transition instead, or, for data migrations,
 * {@link Transitions#forceState(Object, String, String)}.
 */
public class IllegalStateChangeException extends DataIntegrityViolationException implements TransitionRefusal {

	private final Class<?> entityType;

	private final @Nullable Object entityId;

	private final String workflow;

	private final String field;

	private final @Nullable String storedState;

	private final @Nullable String attemptedState;

	public IllegalStateChangeException(String message, Class<?> entityType, @Nullable Object entityId, String workflow,
			String field, @Nullable String storedState, @Nullable String attemptedState) {
		super(message);
		this.entityType = entityType;
		this.entityId = entityId;
		this.workflow = workflow;
		this.field = field;
		this.storedState = storedState;
		this.attemptedState = attemptedState;
	}

	/** The entity class. */
	@Override
	public Class<?> getEntityType() {
		return this.entityType;
	}

	/** The entity's id; {@code null} for a new entity whose id is generated on insert. */
	@Override
	public @Nullable Object getEntityId() {
		return this.entityId;
	}

	/** The workflow whose state field was written. */
	public String getWorkflow() {
		return this.workflow;
	}

	/** The name of the state field. */
	public String getField() {
		return this.field;
	}

	/**
	 * The state stored in the database; {@code null} for a new entity, or a NULL column.
	 */
	public @Nullable String getStoredState() {
		return this.storedState;
	}

	/** The state that was about to be written. */
	public @Nullable String getAttemptedState() {
		return this.attemptedState;
	}

	/** {@code null}: no transition wrote the state. */
	@Override
	public @Nullable String getTransition() {
		return null;
	}

	/** The state stored in the database, as {@link #getStoredState()}. */
	@Override
	public @Nullable String getCurrentState() {
		return this.storedState;
	}

	@Override
	public Reason getReason() {
		return Reason.ILLEGAL_STATE_CHANGE;
	}

}
