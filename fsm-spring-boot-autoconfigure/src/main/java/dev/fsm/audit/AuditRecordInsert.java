package dev.fsm.audit;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

import dev.fsm.TransitionRecord;
import dev.fsm.audit.entity.TransitionRecordEntity;

/**
 * Writes one {@link TransitionRecordEntity} row with a JDBC {@code INSERT} on the
 * connection of the current Hibernate session: the transition's transaction, without
 * persist, flush and detach. Table and column names, and how each value is bound, come
 * from Hibernate's mapping of the entity, so naming strategies, a default schema and the
 * dialect's timestamp binding apply as they do to a persisted entity; a failure reaches
 * the caller as Hibernate's own exception for it, a unique-constraint violation as a
 * {@code ConstraintViolationException}.
 */
final class AuditRecordInsert {

	/** The mapped attributes, in the order of the statement's parameters. */
	private static final List<String> ATTRIBUTES = List.of("entityType", "entityId", "workflow", "sequence",
			"transition", "sourceState", "targetState", "actor", "occurredAt", "description", "outcome");

	private final String sql;

	private final JdbcMapping[] mappings;

	AuditRecordInsert(EntityManagerFactory entityManagerFactory) {
		SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		EntityPersister persister = sessionFactory.getMappingMetamodel()
			.getEntityDescriptor(TransitionRecordEntity.class);
		AbstractEntityPersister mapping = (AbstractEntityPersister) persister;
		this.sql = "insert into " + mapping.getTableName() + " ("
				+ ATTRIBUTES.stream()
					.map((name) -> mapping.getPropertyColumnNames(name)[0])
					.collect(Collectors.joining(", "))
				+ ") values (" + ATTRIBUTES.stream().map((name) -> "?").collect(Collectors.joining(", ")) + ")";
		this.mappings = ATTRIBUTES.stream()
			.map((name) -> persister.findAttributeMapping(name).getSingleJdbcMapping())
			.toArray(JdbcMapping[]::new);
	}

	/**
	 * Inserts {@code record} in the transaction of {@code entityManager}, a transactional
	 * one.
	 */
	void insert(EntityManager entityManager, TransitionRecord record) {
		Object[] values = { record.entityType(), record.entityId(), record.workflow(), record.sequence(),
				record.transition(), record.sourceState(), record.targetState(), record.actor(), record.occurredAt(),
				record.description(), record.outcome() };
		SharedSessionContractImplementor session = entityManager.unwrap(Session.class)
			.unwrap(SharedSessionContractImplementor.class);
		session.doWork((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.sql)) {
				for (int i = 0; i < values.length; i++) {
					bind(statement, i, values[i], session);
				}
				statement.executeUpdate();
			}
		});
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void bind(PreparedStatement statement, int index, Object value, SharedSessionContractImplementor session)
			throws java.sql.SQLException {
		JdbcMapping mapping = this.mappings[index];
		((org.hibernate.type.descriptor.ValueBinder) mapping.getJdbcValueBinder()).bind(statement,
				mapping.convertToRelationalValue(value), index + 1, session);
	}

}
