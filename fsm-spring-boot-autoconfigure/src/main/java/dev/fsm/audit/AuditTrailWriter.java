package dev.fsm.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.metamodel.EntityType;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionRecord.Outcome;
import dev.fsm.TransitionRecord;
import dev.fsm.Workflow;
import dev.fsm.audit.RunningTransitions.PendingRecord;
import dev.fsm.audit.entity.TransitionRecordEntity;
import dev.fsm.jpa.EntityIdFormat;
import dev.fsm.jpa.PersistenceExceptions;
import dev.fsm.refusals.Refusals;
import dev.fsm.spi.TransitionRecorder;

/**
 * Appends one {@link TransitionRecord} per committed transition, in the transition's
 * transaction, with the application's {@link EntityManagerFactory}.
 * <p>
 * Each record has a step of its entity and workflow. With a numeric {@code @Version} it
 * is the version the transition gave the entity, and nothing is read; without one it is
 * the step after the last one recorded, read while the transition holds the row's lock.
 * Transitions chained from another's body on the same row are recorded when the outer one
 * ends, in the order they were fired. A unique constraint makes the database refuse a
 * second record of the same step: a version recorded already means the entity is behind
 * its audit trail ({@link dev.fsm.AuditTrailConflictException}); a counted step, that
 * another transaction took it first ({@link ConcurrentTransitionException}).
 */
final class AuditTrailWriter implements TransitionRecorder {

	private static final String LAST_STEP = "select max(r.sequence) from " + TransitionRecordEntity.NAME
			+ " r where r.entityType = :type and r.entityId = :id and r.workflow = :workflow";

	private static final boolean HIBERNATE = ClassUtils.isPresent("org.hibernate.Session",
			AuditTrailWriter.class.getClassLoader());

	private final SQLExceptionTranslator sqlExceptionTranslator = new SQLExceptionSubclassTranslator();

	private final EntityManager entityManager;

	private final Clock clock;

	private final EntityIdFormat ids;

	private final @Nullable AuditRecordInsert insert;

	/**
	 * The JPA entity types: a plain workflow object is not saved, so it has no history.
	 */
	private final Set<Class<?>> entityTypes;

	AuditTrailWriter(EntityManagerFactory entityManagerFactory, Clock clock) {
		AuditEntityRegistration.verify(entityManagerFactory);
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.clock = clock;
		this.ids = new EntityIdFormat(entityManagerFactory.getMetamodel());
		this.entityTypes = entityManagerFactory.getMetamodel()
			.getEntities()
			.stream()
			.map(EntityType::getJavaType)
			.collect(Collectors.toUnmodifiableSet());
		this.insert = HIBERNATE ? new AuditRecordInsert(entityManagerFactory) : null;
	}

	@Override
	public void starting(TransitionAttempt attempt) {
		if (this.entityTypes.contains(attempt.entityType())
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			RunningTransitions.current(this).started(attempt, now());
		}
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

	/**
	 * Writes the record of a transition that ended, unless it ran inside another
	 * transition on the same row, with those of the transitions chained from its body.
	 * With a numeric {@code @Version} their steps are the versions they left, the last
	 * one the version saved; without one, the steps after the last one recorded, read
	 * while the transition holds the row.
	 */
	private void append(TransitionAttempt attempt, Outcome outcome) {
		if (!this.entityTypes.contains(attempt.entityType())) {
			return;
		}
		List<PendingRecord> records = TransactionSynchronizationManager.isSynchronizationActive()
				? RunningTransitions.current(this).ended(attempt, outcome, now())
				: List.of(new PendingRecord(attempt, outcome, now(), 0));
		if (records.isEmpty()) {
			return;
		}
		String id = entityId(attempt);
		if (attempt.version() instanceof Number version) {
			long step = version.longValue() - records.size();
			for (PendingRecord pending : records) {
				insert(record(pending, id, ++step), pending.attempt(), true);
			}
			return;
		}
		Map<String, Long> lastSteps = new HashMap<>();
		for (PendingRecord pending : records) {
			long step = lastSteps.compute(pending.attempt().workflow().name(),
					(workflow, last) -> ((last != null) ? last : lastStep(pending.attempt().workflow(), id)) + 1);
			insert(record(pending, id, step), pending.attempt(), false);
		}
	}

	private TransitionRecord record(PendingRecord pending, String id, long step) {
		TransitionAttempt attempt = pending.attempt();
		return new TransitionRecord(attempt.workflow().entityName(), id, attempt.workflow().name(), step,
				attempt.transition(), attempt.sourceState(), String.valueOf(attempt.targetState()), attempt.actor(),
				pending.occurredAt(), shortened(attempt.description()), pending.outcome());
	}

	/**
	 * Inserts one record. A step recorded already is a lost race when the step was
	 * counted; when it is a version, the row's own versioned write succeeded first, so no
	 * other transaction took it: the entity is behind its audit trail.
	 */
	private void insert(TransitionRecord record, TransitionAttempt attempt, boolean stepIsVersion) {
		try {
			write(record);
		}
		catch (RuntimeException ex) {
			RuntimeException translated = PersistenceExceptions.translate(ex);
			if (!isDuplicateKey(translated)) {
				throw translated;
			}
			throw stepIsVersion ? AuditTrailConflicts.behind(attempt, record, translated)
					: lostRace(attempt, record, translated);
		}
	}

	/** A JDBC insert with Hibernate; with another JPA provider, persist and flush. */
	private void write(TransitionRecord record) {
		AuditRecordInsert insert = this.insert;
		if (insert != null) {
			insert.insert(this.entityManager, record);
			return;
		}
		TransitionRecordEntity entity = new TransitionRecordEntity(record);
		this.entityManager.persist(entity);
		this.entityManager.flush();
		this.entityManager.detach(entity);
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
				DataAccessException translated = this.sqlExceptionTranslator.translate("audit trail", null,
						sqlException);
				return translated instanceof DuplicateKeyException;
			}
		}
		return false;
	}

	private static ConcurrentTransitionException lostRace(TransitionAttempt attempt, TransitionRecord record,
			RuntimeException cause) {
		return Refusals.auditStepTaken(attempt, record, cause);
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
