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

import dev.fsm.TransitionHistory;
import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.engine.EntityStore;

/**
 * The entities of a workflow, all or in one state, a page at a time, ordered by id, each with
 * when it entered its state; and how many are in each state: what an operator needs to find the
 * stuck ones. The queries are written once per workflow.
 */
final class EntityListing {

	private final EntityManager entityManager;

	private final EntityStore store;

	private final Transitions transitions;

	private final Map<String, Queries> queries = new ConcurrentHashMap<>();

	private final EntityLabels labels = new EntityLabels();

	EntityListing(EntityManagerFactory entityManagerFactory, EntityStore store, Transitions transitions) {
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.store = store;
		this.transitions = transitions;
	}

	/**
	 * {@code content} (id, state, version, label and, with an audit trail, {@code since} of each),
	 * {@code page}, {@code size}, {@code totalElements}, {@code totalPages}.
	 */
	Map<String, Object> list(Workflow workflow, @Nullable String state, int page, int size,
			@Nullable TransitionHistory history) {
		Object value = (state != null) ? stateValue(workflow, state) : null;
		Queries queries = queries(workflow);
		TypedQuery<?> select = this.entityManager.createQuery((value != null) ? queries.inState() : queries.all(),
				workflow.entityType());
		TypedQuery<Long> count = this.entityManager
			.createQuery((value != null) ? queries.countInState() : queries.count(), Long.class);
		if (value != null) {
			select.setParameter("state", value);
			count.setParameter("state", value);
		}
		List<?> entities = select.setFirstResult(page * size).setMaxResults(size).getResultList();
		List<Map<String, Object>> content = new ArrayList<>();
		for (Object entity : entities) {
			content.add(summary(workflow, entity));
		}
		if (history != null) {
			addSince(workflow, entities, content, history);
		}
		return WorkflowViews.page(content, page, size, count.getSingleResult());
	}

	/**
	 * How many entities are in each state: every state of the workflow in its order, then any
	 * stored value that is none of them ({@code known: false}), the ones to repair.
	 */
	List<Map<String, Object>> counts(Workflow workflow) {
		Map<String, Long> byState = new LinkedHashMap<>();
		workflow.states().forEach((state) -> byState.put(state, 0L));
		Map<String, Long> unknown = new LinkedHashMap<>();
		for (Object[] row : this.entityManager.createQuery(queries(workflow).byState(), Object[].class)
			.getResultList()) {
			String state = stateName(row[0]);
			Long count = (Long) row[1];
			if (byState.containsKey(state)) {
				byState.put(state, count);
			}
			else {
				unknown.merge(state, count, Long::sum);
			}
		}
		List<Map<String, Object>> counts = new ArrayList<>();
		byState.forEach((state, count) -> counts.add(count(state, count, true)));
		unknown.forEach((state, count) -> counts.add(count(state, count, false)));
		return counts;
	}

	Map<String, Object> summary(Workflow workflow, Object entity) {
		Map<String, Object> summary = new LinkedHashMap<>();
		Object id = this.store.idOf(entity);
		summary.put("id", (id != null) ? this.store.formatId(workflow.entityType(), id) : null);
		summary.put("state", this.transitions.state(entity, workflow.field()));
		summary.put("version", this.store.versionOf(entity));
		summary.put("label", this.labels.label(entity));
		return summary;
	}

	/** When each entered its current state: the newest record into it, one query per state. */
	private static void addSince(Workflow workflow, List<?> entities, List<Map<String, Object>> content,
			TransitionHistory history) {
		Map<String, List<Object>> byState = new LinkedHashMap<>();
		for (int i = 0; i < entities.size(); i++) {
			byState.computeIfAbsent(String.valueOf(content.get(i).get("state")), (state) -> new ArrayList<>())
				.add(entities.get(i));
		}
		Map<String, TransitionRecord> entered = new LinkedHashMap<>();
		byState.forEach((state, inState) -> entered.putAll(history.enteredState(workflow.name(), state, inState)));
		for (Map<String, Object> summary : content) {
			TransitionRecord record = entered.get(String.valueOf(summary.get("id")));
			summary.put("since", (record != null) ? record.occurredAt() : null);
		}
	}

	private Queries queries(Workflow workflow) {
		return this.queries.computeIfAbsent(workflow.name(), (name) -> Queries.of(workflow));
	}

	private static Map<String, Object> count(String state, long count, boolean known) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("state", state);
		entry.put("count", count);
		entry.put("known", known);
		return entry;
	}

	private static String stateName(@Nullable Object value) {
		return (value instanceof Enum<?> constant) ? constant.name() : String.valueOf(value);
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

	/** The JPQL of one workflow's lists and counts. */
	private record Queries(String all, String count, String inState, String countInState, String byState) {

		static Queries of(Workflow workflow) {
			String from = " from " + workflow.entityName() + " e";
			String state = "e." + workflow.field();
			String inState = " where " + state + " = :state";
			return new Queries("select e" + from + " order by id(e)", "select count(e)" + from,
					"select e" + from + inState + " order by id(e)", "select count(e)" + from + inState,
					"select " + state + ", count(e)" + from + " group by " + state);
		}

	}

}
