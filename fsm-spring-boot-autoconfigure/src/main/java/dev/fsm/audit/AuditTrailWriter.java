package dev.fsm.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

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
 * Each record has a step of its entity and workflow, taken when the transition passed its
 * checks, so that a transition chained from another's body comes after it. With a numeric
 * {@code @Version} the step follows from the version and nothing is read; without one it is the
 * step after the last one recorded, read while the transition holds the row's lock. A unique
 * constraint makes the database refuse a second record of the same step: should two
 * transactions ever take one, the second fails with a {@link ConcurrentTransitionException}.
 * <p>
 * Public because the auto-configuration creates it.
 */
public final class AuditTrailWriter implements TransitionRecorder {

	private static final String LAST_STEP = "select max(r.sequence) from " + TransitionRecordEntity.NAME
			+ " r where r.entityType = :type and r.entityId = :id and r.workflow = :workflow";

	private static final boolean HIBERNATE = ClassUtils.isPresent("org.hibernate.Session",
			AuditTrailWriter.class.getClassLoader());

	private final SQLExceptionTranslator sqlExceptionTranslator = new SQLExceptionSubclassTranslator();

	private final EntityManager entityManager;

	private final Clock clock;

	private final EntityIdFormat ids;

	private final Map<Class<?>, Boolean> numericVersions = new ConcurrentHashMap<>();

	private final @Nullable AuditRecordInsert insert;

	public AuditTrailWriter(EntityManagerFactory entityManagerFactory, Clock clock) {
		AuditEntityRegistration.verify(entityManagerFactory);
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.clock = clock;
		this.ids = new EntityIdFormat(entityManagerFactory.getMetamodel());
		this.insert = HIBERNATE ? new AuditRecordInsert(entityManagerFactory) : null;
	}

	@Override
	public void starting(TransitionAttempt attempt) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		StepReservations reservations = StepReservations.current(this);
		String workflow = attempt.workflow().name();
		long running = reservations.highestRunning(attempt.entity(), workflow);
		Long fromVersion = stepFromVersion(attempt);
		long next;
		if (fromVersion != null) {
			next = Math.max(fromVersion, running + 1);
		}
		else {
			Object id = attempt.entityId();
			long last = (id != null) ? lastStep(attempt.workflow(), this.ids.format(attempt.entityType(), id)) : 0;
			next = Math.max(last, running) + 1;
		}
		reservations.push(new ReservedStep(attempt.entity(), workflow, next, now()));
	}

	/**
	 * The step of a transition that passed its checks at the entity's {@code @Version}, without a
	 * read: one more than that version (a new entity is saved with version 0), since every
	 * committed transition increments it and transitions on one row are kept apart by it;
	 * {@code null} for an entity whose steps must be read (no numeric version, or a new entity
	 * with an assigned id, which may have the history of a removed one).
	 */
	private @Nullable Long stepFromVersion(TransitionAttempt attempt) {
		Object version = attempt.version();
		if (version instanceof Number number) {
			return number.longValue() + 1;
		}
		return (version == null && attempt.entityId() == null && hasNumericVersion(attempt.entityType())) ? 0L
				: null;
	}

	private boolean hasNumericVersion(Class<?> entityType) {
		return this.numericVersions.computeIfAbsent(entityType, (type) -> {
			IdentifiableType<?> identifiable = this.entityManager.getMetamodel().entity(type);
			if (!identifiable.hasVersionAttribute()) {
				return false;
			}
			for (SingularAttribute<?, ?> attribute : identifiable.getSingularAttributes()) {
				if (attribute.isVersion()) {
					Class<?> javaType = ClassUtils.resolvePrimitiveIfNecessary(attribute.getJavaType());
					return Number.class.isAssignableFrom(javaType);
				}
			}
			return false;
		});
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
		try {
			write(record);
		}
		catch (RuntimeException ex) {
			RuntimeException translated = PersistenceExceptions.translate(ex);
			if (isDuplicateKey(translated)) {
				throw lostRace(attempt, record, translated);
			}
			throw translated;
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

	/**
	 * The step the transition reserved when it passed its checks; otherwise (a forced state, an
	 * {@code onError} state written in a transaction of its own) the version the write saved, or
	 * the step after the last one recorded.
	 */
	private ReservedStep reservedStep(TransitionAttempt attempt, Outcome outcome, String id) {
		StepReservations reservations = (outcome != Outcome.FORCED) ? StepReservations.existing(this) : null;
		ReservedStep step = (reservations != null) ? reservations.pop() : null;
		if (step != null) {
			return step;
		}
		long sequence = (attempt.version() instanceof Number version) ? version.longValue()
				: lastStep(attempt.workflow(), id) + 1;
		return new ReservedStep(attempt.entity(), attempt.workflow().name(), sequence, now());
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
