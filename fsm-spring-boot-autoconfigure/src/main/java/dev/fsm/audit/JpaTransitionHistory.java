package dev.fsm.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.Metamodel;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.core.InfrastructureProxy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

import dev.fsm.TransitionHistory;
import dev.fsm.TransitionRecord;
import dev.fsm.audit.entity.TransitionRecordEntity;
import dev.fsm.jpa.EntityIdFormat;

/**
 * Reads the audit trail with JPA queries, newest first: by time, then by step. The order
 * is fixed; a {@code Sort} in a {@link Pageable} is ignored.
 */
final class JpaTransitionHistory implements TransitionHistory {

	private static final String FROM = " from " + TransitionRecordEntity.NAME + " r where ";

	private static final String SELECT = "select new " + TransitionRecord.class.getName()
			+ "(r.entityType, r.entityId, r.workflow, r.sequence, r.transition, r.sourceState, r.targetState,"
			+ " r.actor, r.occurredAt, r.description, r.outcome)" + FROM;

	private static final String COUNT = "select count(r)" + FROM;

	private static final String NEWEST_FIRST = " order by r.occurredAt desc, r.sequence desc, r.id desc";

	private static final String OF_ENTITY = "r.entityType = :type and r.entityId = :id";

	private static final String BY_ACTOR = "r.actor = :actor and r.occurredAt >= :from and r.occurredAt < :to";

	private static final String BETWEEN = "r.occurredAt >= :from and r.occurredAt < :to";

	private static final String ENTERED_STATE = "r.entityType = :type and r.workflow = :workflow"
			+ " and r.targetState = :state and r.entityId in :ids and r.sequence = (select max(q.sequence) from "
			+ TransitionRecordEntity.NAME + " q where q.entityType = r.entityType and q.entityId = r.entityId"
			+ " and q.workflow = r.workflow and q.targetState = r.targetState)";

	private final EntityManager entityManager;

	private final PersistenceUnitUtil persistenceUnitUtil;

	private final Metamodel metamodel;

	private final EntityIdFormat ids;

	JpaTransitionHistory(EntityManagerFactory entityManagerFactory) {
		AuditEntityRegistration.verify(entityManagerFactory);
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.persistenceUnitUtil = entityManagerFactory.getPersistenceUnitUtil();
		this.metamodel = entityManagerFactory.getMetamodel();
		this.ids = new EntityIdFormat(this.metamodel);
	}

	@Override
	public List<TransitionRecord> of(Object entity) {
		Map<String, Object> parameters = entityParameters(entity);
		if (parameters.isEmpty()) {
			return List.of();
		}
		return query(SELECT + OF_ENTITY + NEWEST_FIRST, parameters).getResultList();
	}

	@Override
	public Page<TransitionRecord> of(Object entity, Pageable pageable) {
		Map<String, Object> parameters = entityParameters(entity);
		if (parameters.isEmpty()) {
			return Page.empty(pageable);
		}
		return page(OF_ENTITY, parameters, pageable);
	}

	@Override
	public Page<TransitionRecord> byActor(String actor, Instant from, Instant to, Pageable pageable) {
		return page(BY_ACTOR, Map.of("actor", actor, "from", from, "to", to), pageable);
	}

	@Override
	public Page<TransitionRecord> between(Instant from, Instant to, Pageable pageable) {
		return page(BETWEEN, Map.of("from", from, "to", to), pageable);
	}

	@Override
	public Map<String, TransitionRecord> enteredState(String workflow, String state, Collection<?> entities) {
		Map<String, List<String>> idsByType = new LinkedHashMap<>();
		for (Object entity : entities) {
			Map<String, Object> parameters = entityParameters(entity);
			if (!parameters.isEmpty()) {
				idsByType.computeIfAbsent((String) parameters.get("type"), (type) -> new ArrayList<>())
					.add((String) parameters.get("id"));
			}
		}
		Map<String, TransitionRecord> entered = new LinkedHashMap<>();
		idsByType.forEach((type, ids) -> {
			Map<String, Object> parameters = Map.of("type", type, "workflow", workflow, "state", state, "ids", ids);
			for (TransitionRecord record : query(SELECT + ENTERED_STATE + NEWEST_FIRST, parameters).getResultList()) {
				entered.putIfAbsent(record.entityId(), record);
			}
		});
		return entered;
	}

	/**
	 * The type and id parameters of {@code entity}, or of the entity behind a view from
	 * {@code transitions.on(entity)}; none for an entity that was never saved.
	 */
	private Map<String, Object> entityParameters(Object entity) {
		Object target = (entity instanceof InfrastructureProxy view) ? view.getWrappedObject()
				: AopProxyUtils.getSingletonTarget(entity);
		Object candidate = (target != null) ? target : entity;
		Object id = this.persistenceUnitUtil.getIdentifier(candidate);
		if (id == null) {
			return Map.of();
		}
		Class<?> type = this.persistenceUnitUtil.getClass(candidate);
		return Map.of("type", this.metamodel.entity(type).getName(), "id", this.ids.format(type, id));
	}

	private Page<TransitionRecord> page(String condition, Map<String, Object> parameters, Pageable pageable) {
		TypedQuery<TransitionRecord> query = query(SELECT + condition + NEWEST_FIRST, parameters);
		if (pageable.isPaged()) {
			query.setFirstResult(Math.toIntExact(pageable.getOffset())).setMaxResults(pageable.getPageSize());
		}
		return PageableExecutionUtils.getPage(query.getResultList(), pageable, () -> count(condition, parameters));
	}

	private TypedQuery<TransitionRecord> query(String jpql, Map<String, Object> parameters) {
		TypedQuery<TransitionRecord> query = this.entityManager.createQuery(jpql, TransitionRecord.class);
		parameters.forEach(query::setParameter);
		return query;
	}

	private long count(String condition, Map<String, Object> parameters) {
		TypedQuery<Long> query = this.entityManager.createQuery(COUNT + condition, Long.class);
		parameters.forEach(query::setParameter);
		return query.getSingleResult();
	}

}
