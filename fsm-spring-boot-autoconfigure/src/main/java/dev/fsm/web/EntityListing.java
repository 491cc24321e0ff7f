package dev.fsm.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.SharedEntityManagerCreator;

import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.engine.EntityStore;

/**
 * The entities of a workflow, all or in one state, a page at a time, ordered by id: what an
 * operator needs to find the stuck ones. The queries are written once per workflow.
 */
final class EntityListing {

	private final EntityManager entityManager;

	private final EntityStore store;

	private final Transitions transitions;

	private final Map<String, String[]> queries = new ConcurrentHashMap<>();

	EntityListing(EntityManagerFactory entityManagerFactory, EntityStore store, Transitions transitions) {
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.store = store;
		this.transitions = transitions;
	}

	/** {@code content} (id, state, version of each), {@code page}, {@code size}, {@code totalElements}. */
	Map<String, Object> list(Workflow workflow, @Nullable String state, int page, int size) {
		Object value = (state != null) ? stateValue(workflow, state) : null;
		String[] queries = this.queries.computeIfAbsent(workflow.name(), (name) -> {
			String from = " from " + workflow.entityName() + " e";
			String byState = " where e." + workflow.field() + " = :state";
			return new String[] { "select e" + from + " order by id(e)", "select count(e)" + from,
					"select e" + from + byState + " order by id(e)", "select count(e)" + from + byState };
		});
		int first = (value != null) ? 2 : 0;
		TypedQuery<?> select = this.entityManager.createQuery(queries[first], workflow.entityType());
		TypedQuery<Long> count = this.entityManager.createQuery(queries[first + 1], Long.class);
		if (value != null) {
			select.setParameter("state", value);
			count.setParameter("state", value);
		}
		List<Map<String, Object>> content = new ArrayList<>();
		for (Object entity : select.setFirstResult(page * size).setMaxResults(size).getResultList()) {
			content.add(summary(workflow, entity));
		}
		return WorkflowApiController.page(content, page, size, count.getSingleResult());
	}

	Map<String, Object> summary(Workflow workflow, Object entity) {
		Map<String, Object> summary = new LinkedHashMap<>();
		Object id = this.store.idOf(entity);
		summary.put("id", (id != null) ? this.store.formatId(workflow.entityType(), id) : null);
		summary.put("state", this.transitions.state(entity, workflow.field()));
		summary.put("version", this.store.versionOf(entity));
		return summary;
	}

	private static Object stateValue(Workflow workflow, String state) {
		if (!workflow.states().contains(state)) {
			throw new WorkflowApiException(ProblemType.BAD_REQUEST, "'" + state + "' is not a state of workflow '"
					+ workflow.name() + "' " + workflow.states(), Map.of("state", state));
		}
		Class<?> type = workflow.stateType();
		if (type.isEnum()) {
			for (Object constant : type.getEnumConstants()) {
				if (((Enum<?>) constant).name().equals(state)) {
					return constant;
				}
			}
		}
		return (type == Integer.class || type == int.class) ? Integer.valueOf(state) : state;
	}

}
