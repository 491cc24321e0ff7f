package dev.fsm.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionRecord;
import dev.fsm.TransitionRecord.Outcome;
import dev.fsm.audit.entity.TransitionRecordEntity;
import dev.fsm.Transitions;
import dev.fsm.engine.ForcedState;
import dev.fsm.engine.TransitionAttempt;
import dev.fsm.engine.TransitionRecorder;
import dev.fsm.jpa.EntityIdFormat;
import dev.fsm.jpa.PersistenceExceptions;
import dev.fsm.metamodel.WorkflowModel;

/**
 * Appends one {@link TransitionRecord} per committed transition, in the transition's
 * transaction, with the application's {@link EntityManagerFactory}.
 * <p>
 * Each record has the next step number of its entity and workflow; a unique constraint makes
 * the database refuse a second record of the same step. The step is read when the transition
 * passed its checks, so when two transactions pass their checks against the same history, the
 * one that records second fails with a {@link ConcurrentTransitionException}, even for an
 * entity without {@code @Version}.
 */
public final class AuditTrailWriter implements TransitionRecorder {

	private static final String LAST_STEP = "select max(r.sequence) from " + TransitionRecordEntity.NAME
			+ " r where r.entityType = :type and r.entityId = :id and r.workflow = :workflow";

	private final SQLExceptionTranslator sqlExceptionTranslator = new SQLExceptionSubclassTranslator();

	private final EntityManager entityManager;

	private final Clock clock;

	private final EntityIdFormat ids;

	public AuditTrailWriter(EntityManagerFactory entityManagerFactory, Clock clock) {
		AuditEntityRegistration.verify(entityManagerFactory);
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.clock = clock;
		this.ids = new EntityIdFormat(entityManagerFactory.getMetamodel());
	}

	@Override
	public void starting(TransitionAttempt attempt) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		StepReservations reservations = StepReservations.current(this);
		long next = Math.max(lastStep(attempt), reservations.highestRunning(attempt)) + 1;
		reservations.add(new ReservedStep(attempt, next, now()));
	}

	@Override
	public void completed(TransitionAttempt attempt) {
		String target = attempt.targetState();
		append(attempt, Outcome.COMPLETED, (target != null) ? target : currentState(attempt));
	}

	@Override
	public void movedToErrorState(TransitionAttempt attempt) {
		append(attempt, Outcome.FAILED, currentState(attempt));
	}

	@Override
	public void forced(ForcedState change) {
		WorkflowModel workflow = change.workflow();
		String id = idOf(workflow, change.entity(), Transitions.FORCED);
		long step = lastStep(workflow, id) + 1;
		TransitionRecord record = new TransitionRecord(workflow.entityName(), id, workflow.name(), step,
				Transitions.FORCED, change.sourceState(), change.targetState(), change.actor(), now(),
				shortened(change.reason()), Outcome.FORCED);
		write(record, (ex) -> ex);
	}

	private void append(TransitionAttempt attempt, Outcome outcome, String targetState) {
		ReservedStep step = reservedStep(attempt);
		TransitionRecord record = new TransitionRecord(attempt.workflowModel().entityName(), entityId(attempt),
				attempt.workflow(), step.sequence(), attempt.transition(), attempt.sourceState(), targetState,
				attempt.actor(), step.occurredAt(), shortened(attempt.description()), outcome);
		write(record, (ex) -> lostRace(attempt, record, ex));
	}

	/** Inserts the record; a duplicate step means another transaction recorded it first. */
	private void write(TransitionRecord record,
			java.util.function.Function<RuntimeException, RuntimeException> onDuplicateStep) {
		TransitionRecordEntity entity = new TransitionRecordEntity(record);
		try {
			this.entityManager.persist(entity);
			this.entityManager.flush();
		}
		catch (RuntimeException ex) {
			RuntimeException translated = PersistenceExceptions.translate(ex);
			if (isDuplicateKey(translated)) {
				throw onDuplicateStep.apply(translated);
			}
			throw translated;
		}
		this.entityManager.detach(entity);
	}

	/**
	 * The step reserved when the transition passed its checks; a fresh one when it was reserved
	 * in another transaction (an {@code onError} state is written in a new one).
	 */
	private ReservedStep reservedStep(TransitionAttempt attempt) {
		StepReservations reservations = StepReservations.existing(this);
		ReservedStep step = (reservations != null) ? reservations.take(attempt) : null;
		return (step != null) ? step : new ReservedStep(attempt, lastStep(attempt) + 1, now());
	}

	private long lastStep(TransitionAttempt attempt) {
		Object id = attempt.entityId();
		return (id != null) ? lastStep(attempt.workflowModel(), this.ids.format(attempt.workflowModel().entityType(), id))
				: 0;
	}

	private long lastStep(WorkflowModel workflow, String id) {
		Long last = this.entityManager.createQuery(LAST_STEP, Long.class)
			.setParameter("type", workflow.entityName())
			.setParameter("id", id)
			.setParameter("workflow", workflow.name())
			.setFlushMode(FlushModeType.COMMIT)
			.getSingleResult();
		return (last != null) ? last : 0;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private boolean isDuplicateKey(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DuplicateKeyException) {
				return true;
			}
			if (cause instanceof SQLException sqlException) {
				DataAccessException translated = this.sqlExceptionTranslator.translate("audit trail", null, sqlException);
				return translated instanceof DuplicateKeyException;
			}
		}
		return false;
	}

	private static ConcurrentTransitionException lostRace(TransitionAttempt attempt, TransitionRecord record,
			RuntimeException cause) {
		String message = "Transition '" + attempt.transition() + "' on " + record.entityType() + "#"
				+ record.entityId() + " from state '" + attempt.sourceState() + "' lost to a concurrent transition:"
				+ " another transaction recorded step " + record.sequence() + " of workflow '" + record.workflow()
				+ "' first; reload the entity and try again";
		return new ConcurrentTransitionException(message, attempt.workflowModel().entityType(), attempt.entityId(),
				attempt.transition(), String.valueOf(attempt.sourceState()), cause);
	}

	private String entityId(TransitionAttempt attempt) {
		return idOf(attempt.workflowModel(), attempt.entity(), attempt.transition());
	}

	private String idOf(WorkflowModel workflow, Object entity, String transition) {
		Object id = this.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
		if (id == null) {
			throw new IllegalStateException("Cannot record transition '" + transition + "' of "
					+ workflow.entityName() + ": the entity has no id after it was saved");
		}
		return this.ids.format(workflow.entityType(), id);
	}

	private static String currentState(TransitionAttempt attempt) {
		return String.valueOf(attempt.workflowModel().state().getName(attempt.entity()));
	}

	private static @Nullable String shortened(@Nullable String description) {
		if (description == null || description.length() <= TransitionRecordEntity.DESCRIPTION_LENGTH) {
			return description;
		}
		return description.substring(0, TransitionRecordEntity.DESCRIPTION_LENGTH - 1) + "\u2026";
	}

}
