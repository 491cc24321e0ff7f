package dev.fsm.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.SharedEntityManagerCreator;

import dev.fsm.TransitionHistory;
import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.metamodel.ReadFilter;
import dev.fsm.spi.EntityStore;

/**
 * The entities of a workflow, all or in one state, a page at a time, ordered by id, each
 * with when it entered its state; and how many are in each state: what an operator needs
 * to find the stuck ones, within what the user may read: a read filter is part of the
 * query, so a page is a page of readable entities. The queries are written once per
 * workflow.
 */
final class EntityListing {

	private final EntityManager entityManager;

	private final EntityStore store;

	private final Transitions transitions;

	private final Map<String, Queries> queries = new ConcurrentHashMap<>();

	private final Map<String, Queries> filtered = new ConcurrentHashMap<>();

	private final EntityLabels labels = new EntityLabels();

	EntityListing(EntityManagerFactory entityManagerFactory, EntityStore store, Transitions transitions) {
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.store = store;
		this.transitions = transitions;
	}

	/**
	 * {@code content} (id, state, version, label and, with an audit trail, {@code since}
	 * of each), {@code page}, {@code size}, {@code totalElements}, {@code totalPages}.
	 * @param filter the user's read filter, {@code null} for one who reads all
	 * @param group the state group whose entities to list, {@code null} for all (or those
	 * in {@code state})
	 * @param conditions the filters on searchable attributes, none for all
	 */
	Map<String, Object> list(Workflow workflow, @Nullable ReadFilter filter, @Nullable String state,
			@Nullable String group, List<SearchableFields.Condition> conditions, int page, int size,
			@Nullable TransitionHistory history) {
		List<Object> value = (state != null) ? List.of(stateValue(workflow, state))
				: (group != null) ? GroupViews.values(workflow, group) : null;
		Queries queries = conditions.isEmpty() ? queries(workflow, filter) : Queries.of(workflow, filter, conditions);
		TypedQuery<?> select = this.entityManager.createQuery((value != null) ? queries.inState() : queries.all(),
				workflow.entityType());
		TypedQuery<Long> count = this.entityManager
			.createQuery((value != null) ? queries.countInState() : queries.count(), Long.class);
		if (value != null) {
			select.setParameter("state", value);
			count.setParameter("state", value);
		}
		for (SearchableFields.Condition condition : conditions) {
			select.setParameter(condition.parameter(), condition.value());
			count.setParameter(condition.parameter(), condition.value());
		}
		if (filter != null) {
			filter.values().forEach((name, parameter) -> {
				select.setParameter(name, parameter);
				count.setParameter(name, parameter);
			});
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
	 * How many entities are in each state: every state of the workflow in its order, then
	 * any stored value that is none of them ({@code known: false}), the ones to repair.
	 */
	List<Map<String, Object>> counts(Workflow workflow, @Nullable ReadFilter filter) {
		Map<String, Long> byState = new LinkedHashMap<>();
		workflow.states().forEach((state) -> byState.put(state, 0L));
		Map<String, Long> unknown = new LinkedHashMap<>();
		TypedQuery<Object[]> query = this.entityManager.createQuery(queries(workflow, filter).byState(),
				Object[].class);
		if (filter != null) {
			filter.values().forEach(query::setParameter);
		}
		for (Object[] row : query.getResultList()) {
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

	/**
	 * When each entered its current state: the newest record into it, one query per
	 * state.
	 */
	private static void addSince(Workflow workflow, List<?> entities, List<Map<String, Object>> content,
			TransitionHistory history) {
		Map<String, List<Object>> byState = new LinkedHashMap<>();
		for (int i = 0; i < entities.size(); i++) {
			byState.computeIfAbsent(String.valueOf(content.get(i).get("state")), (state) -> new ArrayList<>())
				.add(entities.get(i));
		}
		Map<String, TransitionRecord> entered = new LinkedHashMap<>();
		byState.forEach((state, inState) -> entered.putAll(history.enteredState(workflow.name(), state, inState)));
		Instant now = Instant.now();
		for (Map<String, Object> summary : content) {
			TransitionRecord record = entered.get(String.valueOf(summary.get("id")));
			summary.put("since", (record != null) ? record.occurredAt() : null);
			String state = String.valueOf(summary.get("state"));
			summary.put("stuck", record != null && workflow.states().contains(state)
					&& record.occurredAt().plus(workflow.stuckAfter(state)).isBefore(now));
		}
	}

	private Queries queries(Workflow workflow, @Nullable ReadFilter filter) {
		return (filter != null) ? this.filtered.computeIfAbsent(workflow.name(), (name) -> Queries.of(workflow, filter))
				: this.queries.computeIfAbsent(workflow.name(), (name) -> Queries.of(workflow, null));
	}

	/**
	 * Compiles the filtered queries of every workflow with a read filter, so that a
	 * filter that is no valid JPQL, or that has a parameter nothing gives a value, fails
	 * the start-up.
	 * @throws WorkflowDefinitionException listing every such filter
	 */
	void checkFilters(Map<Workflow, ReadFilter> filters, EntityManagerFactory entityManagerFactory) {
		if (filters.isEmpty()) {
			return;
		}
		List<String> problems = new ArrayList<>();
		EntityManager entityManager = entityManagerFactory.createEntityManager();
		try {
			filters.forEach((workflow, filter) -> {
				Queries queries = Queries.of(workflow, filter);
				String where = "Workflow '" + workflow.name() + "' has readFilter \"" + filter.declared() + "\"";
				try {
					entityManager.createQuery(queries.byState());
					Set<String> unbound = new TreeSet<>();
					entityManager.createQuery(queries.all()).getParameters().forEach((p) -> unbound.add(p.getName()));
					unbound.removeAll(filter.parameterNames());
					if (!unbound.isEmpty()) {
						problems.add(where + " with parameters " + unbound + " that nothing gives a value; write the"
								+ " user's values as :#{..}, such as :#{authentication.name}");
					}
				}
				catch (IllegalArgumentException | PersistenceException ex) {
					problems.add(where + " that is not a valid JPQL condition on its entity e: " + ex.getMessage());
				}
			});
		}
		finally {
			entityManager.close();
		}
		if (!problems.isEmpty()) {
			throw new WorkflowDefinitionException(problems);
		}
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
			throw new WorkflowApiException(ProblemType.BAD_REQUEST,
					"'" + state + "' is not a state of workflow '" + workflow.name() + "' " + workflow.states(),
					Map.of("state", state));
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

	/**
	 * The JPQL of one workflow's lists and counts, with a read filter or without;
	 * {@code :state} a list.
	 */
	private record Queries(String all, String count, String inState, String countInState, String byState) {

		static Queries of(Workflow workflow, @Nullable ReadFilter filter) {
			return of(workflow, filter, List.of());
		}

		/**
		 * With the conditions of searchable attributes, whose names were checked at
		 * start-up.
		 */
		static Queries of(Workflow workflow, @Nullable ReadFilter filter, List<SearchableFields.Condition> conditions) {
			String from = " from " + workflow.entityName() + " e";
			String state = "e." + workflow.field();
			List<String> clauses = new ArrayList<>();
			if (filter != null) {
				clauses.add("(" + filter.jpql() + ")");
			}
			conditions.forEach((condition) -> clauses.add(condition.jpql()));
			String readable = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
			String inState = readable + (clauses.isEmpty() ? " where " : " and ") + state + " in :state";
			return new Queries("select e" + from + readable + " order by id(e)", "select count(e)" + from + readable,
					"select e" + from + inState + " order by id(e)", "select count(e)" + from + inState,
					"select " + state + ", count(e)" + from + readable + " group by " + state);
		}

	}

}
