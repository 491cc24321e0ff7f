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
import dev.fsm.TransitionAttempt;
import dev.fsm.Workflow;
import dev.fsm.engine.TransitionRecorder;
import dev.fsm.jpa.EntityIdFormat;
import dev.fsm.jpa.PersistenceExceptions;

/**
 * Appends one {@link TransitionRecord} per committed transition, in the transition's
 * transaction, with the application's {@link EntityManagerFactory}.
 * <p>
 * Each record has the next step number of its entity and workflow; a unique constraint makes
 * the database refuse a second record of the same step. The step is read when the transition
 * passed its checks, so when two transactions pass their checks against the same history, the
 * one that records second fails with a {@link ConcurrentTransitionException}, even for an
 * entity without {@code @Version}.
 * <p>
 * Public because the auto-configuration creates it.
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
		String workflow = attempt.workflow().name();
		Object id = attempt.entityId();
		long last = (id != null) ? lastStep(attempt.workflow(), this.ids.format(attempt.entityType(), id)) : 0;
		long next = Math.max(last, reservations.highestRunning(attempt.entity(), workflow)) + 1;
		reservations.push(new ReservedStep(attempt.entity(), workflow, next, now()));
	}

	@Override
	public void completed(TransitionAttempt attempt) {
		append(attempt, Outcome.COMPLETED);
	}

	@Override
	public void movedToErrorState(TransitionAttempt attempt) {
		append(attempt, Outcome.FAILED);
	}

	@Override
	public void forced(TransitionAttempt attempt) {
		append(attempt, Outcome.FORCED);
	}

	private void append(TransitionAttempt attempt, Outcome outcome) {
		String id = entityId(attempt);
		ReservedStep step = reservedStep(attempt, outcome, id);
		TransitionRecord record = new TransitionRecord(attempt.workflow().entityName(), id, attempt.workflow().name(),
				step.sequence(), attempt.transition(), attempt.sourceState(), String.valueOf(attempt.targetState()),
				attempt.actor(), step.occurredAt(), shortened(attempt.description()), outcome);
		TransitionRecordEntity entity = new TransitionRecordEntity(record);
		try {
			this.entityManager.persist(entity);
			this.entityManager.flush();
		}
		catch (RuntimeException ex) {
			RuntimeException translated = PersistenceExceptions.translate(ex);
			if (isDuplicateKey(translated)) {
				throw lostRace(attempt, record, translated);
			}
			throw translated;
		}
		this.entityManager.detach(entity);
	}

	/**
	 * The step the transition reserved when it passed its checks; a fresh one for a forced state,
	 * or when it was reserved in another transaction (an {@code onError} state written in a new
	 * one).
	 */
	private ReservedStep reservedStep(TransitionAttempt attempt, Outcome outcome, String id) {
		StepReservations reservations = (outcome != Outcome.FORCED) ? StepReservations.existing(this) : null;
		ReservedStep step = (reservations != null) ? reservations.pop() : null;
		return (step != null) ? step
				: new ReservedStep(attempt.entity(), attempt.workflow().name(), lastStep(attempt.workflow(), id) + 1,
						now());
	}

	private long lastStep(Workflow workflow, String id) {
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
		return new ConcurrentTransitionException(message, attempt.entityType(), attempt.entityId(),
				attempt.transition(), String.valueOf(attempt.sourceState()), cause);
	}

	private String entityId(TransitionAttempt attempt) {
		Object id = attempt.entityId();
		if (id == null) {
			throw new IllegalStateException("Cannot record transition '" + attempt.transition() + "' of "
					+ attempt.workflow().entityName() + ": the entity has no id after it was saved");
		}
		return this.ids.format(attempt.entityType(), id);
	}

	private static @Nullable String shortened(@Nullable String description) {
		if (description == null || description.length() <= TransitionRecordEntity.DESCRIPTION_LENGTH) {
			return description;
		}
		return description.substring(0, TransitionRecordEntity.DESCRIPTION_LENGTH - 1) + "\u2026";
	}

}
