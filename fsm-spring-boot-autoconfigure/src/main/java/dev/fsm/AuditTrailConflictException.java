package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * A transition could not be recorded because the entity is behind its own audit trail:
 * the trail already holds the step this transition would take, the version it gave the
 * entity. No other transaction is involved (that is a
 * {@link ConcurrentTransitionException}), so no retry can help: the row was restored from
 * a backup older than the audit trail, or the entity was created again with the id of a
 * deleted one whose records were kept. The transition is rolled back and nothing changed;
 * the message says how to repair the entity.
 *
 * @since 0.3.0
 */
public class AuditTrailConflictException extends TransitionException {

	private final String workflow;

	private final long recordedStep;

	private final @Nullable Long entityVersion;

	/**
	 * @param recordedStep the step the audit trail holds already
	 * @param entityVersion the version the entity had before the transition, {@code null}
	 * for an entity the transition inserted
	 * @param cause the database's refusal of the duplicate step
	 */
	public AuditTrailConflictException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, @Nullable String currentState, String workflow, long recordedStep,
			@Nullable Long entityVersion, Throwable cause) {
		super(message, entityType, entityId, transition, currentState);
		this.workflow = workflow;
		this.recordedStep = recordedStep;
		this.entityVersion = entityVersion;
		initCause(cause);
	}

	/** The workflow whose audit trail holds the step. */
	public String getWorkflow() {
		return this.workflow;
	}

	/**
	 * The step the audit trail holds already: the one this transition would have taken.
	 */
	public long getRecordedStep() {
		return this.recordedStep;
	}

	/**
	 * The entity's version before the transition; {@code null} when the transition
	 * inserted the entity (a new entity whose id has a history already).
	 */
	public @Nullable Long getEntityVersion() {
		return this.entityVersion;
	}

	@Override
	public Reason getReason() {
		return Reason.AUDIT_TRAIL_CONFLICT;
	}

}
