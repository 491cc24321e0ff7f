package dev.fsm.web;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.util.ReflectionUtils;

import dev.fsm.TransitionHistory;
import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;
import dev.fsm.StateChangedAt;
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

	/** A state counted up to this many entities unless the exact counts are asked for. */
	static final int COUNT_LIMIT = 10_000;

	private final Map<String, Queries> queries = new ConcurrentHashMap<>();

	private final Map<String, Queries> filtered = new ConcurrentHashMap<>();

	private final Map<String, String> bounded = new ConcurrentHashMap<>();

	private final EntityLabels labels = new EntityLabels();

	/**
	 * The {@code @StateChangedAt} attribute of each workflow, found once; empty when it
	 * declares none.
	 */
	private final Map<String, Optional<Field>> stateChangedAt = new ConcurrentHashMap<>();

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
		addSince(workflow, entities, content, stateChangedAt(workflow), history);
		return WorkflowViews.page(content, page, size, count.getSingleResult());
	}

	/**
	 * A page of the entities after {@code after}, the position the previous page ended at
	 * (empty for the first page): keyset paging, so that a page costs the same at any
	 * depth and in a table of any size. Oldest in their state first (the stuck ones),
	 * then by id, when the workflow declares {@code @StateChangedAt} (those with none set
	 * after all others, one query for a page in the common case); by id otherwise.
	 * {@code content} as {@link #list}, {@code size}, {@code next} (the cursor of the
	 * next page, {@code null} on the last) and, only when asked, {@code totalElements}.
	 * @param after the cursor, as a previous page gave it in {@code next}
	 * @param total whether to count every entity of the list (a scan of them all)
	 * @throws WorkflowApiException (400) when {@code after} is no cursor this API wrote
	 * for the workflow, or the entity has a composite id
	 */
	Map<String, Object> listAfter(Workflow workflow, @Nullable ReadFilter filter, @Nullable String state,
			@Nullable String group, List<SearchableFields.Condition> conditions, String after, int size, boolean total,
			@Nullable TransitionHistory history) {
		List<Object> value = (state != null) ? List.of(stateValue(workflow, state))
				: (group != null) ? GroupViews.values(workflow, group) : null;
		if (!this.entityManager.getMetamodel().entity(workflow.entityType()).hasSingleIdAttribute()) {
			throw new WorkflowApiException(ProblemType.BAD_REQUEST,
					workflow.entityName()
							+ " has a composite id: list its entities a page at a time with page, not after",
					Map.of("after", after));
		}
		Field changedAt = stateChangedAt(workflow);
		Cursor cursor = Cursor.parse(workflow, this.store, after, changedAt);
		Queries queries = Queries.of(workflow, filter, conditions);
		String where = (value != null) ? queries.inState() : queries.all();
		where = where.substring(where.indexOf(" from "), where.lastIndexOf(" order by "));
		String and = where.contains(" where ") ? " and " : " where ";
		int wanted = size + 1;
		List<Object> entities = new ArrayList<>();
		if (changedAt == null) {
			entities.addAll(select(workflow, filter, conditions, value,
					where + ((cursor.id() != null) ? and + "id(e) > :afterId" : "") + " order by id(e)", cursor,
					wanted));
		}
		else {
			String time = "e." + changedAt.getName();
			boolean amongUnset = cursor.id() != null && cursor.time() == null;
			if (!amongUnset) {
				String from = (cursor.time() != null)
						? " and " + time + " >= :afterTime and (" + time + " > :afterTime or id(e) > :afterId)" : "";
				entities.addAll(select(workflow, filter, conditions, value,
						where + and + time + " is not null" + from + " order by " + time + ", id(e)", cursor, wanted));
			}
			if (entities.size() < wanted) {
				entities.addAll(select(
						workflow, filter, conditions, value, where + and + time + " is null"
								+ (amongUnset ? " and id(e) > :afterId" : "") + " order by id(e)",
						cursor, wanted - entities.size()));
			}
		}
		boolean more = entities.size() > size;
		List<Object> shown = more ? entities.subList(0, size) : entities;
		List<Map<String, Object>> content = new ArrayList<>();
		for (Object entity : shown) {
			content.add(summary(workflow, entity));
		}
		addSince(workflow, shown, content, changedAt, history);
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("content", content);
		page.put("size", size);
		page.put("next", more ? Cursor.after(this.store, workflow, shown.get(shown.size() - 1), changedAt) : null);
		if (total) {
			TypedQuery<Long> count = this.entityManager
				.createQuery((value != null) ? queries.countInState() : queries.count(), Long.class);
			bind(count, filter, conditions, value);
			page.put("totalElements", count.getSingleResult());
		}
		return page;
	}

	private List<?> select(Workflow workflow, @Nullable ReadFilter filter, List<SearchableFields.Condition> conditions,
			@Nullable List<Object> value, String fromWhereOrder, Cursor cursor, int max) {
		String jpql = "select e" + fromWhereOrder;
		TypedQuery<?> select = this.entityManager.createQuery(jpql, workflow.entityType());
		bind(select, filter, conditions, value);
		if (cursor.id() != null && jpql.contains(":afterId")) {
			select.setParameter("afterId", cursor.id());
		}
		if (cursor.time() != null && jpql.contains(":afterTime")) {
			select.setParameter("afterTime", cursor.time());
		}
		return select.setMaxResults(max).getResultList();
	}

	private static void bind(TypedQuery<?> query, @Nullable ReadFilter filter,
			List<SearchableFields.Condition> conditions, @Nullable List<Object> value) {
		if (value != null) {
			query.setParameter("state", value);
		}
		for (SearchableFields.Condition condition : conditions) {
			query.setParameter(condition.parameter(), condition.value());
		}
		if (filter != null) {
			filter.values().forEach(query::setParameter);
		}
	}

	/**
	 * How many entities are in each state, each counted up to {@link #COUNT_LIMIT}
	 * ({@code exact: false} beyond, the count then the limit): one statement whose
	 * subquery per state stops at the limit, so that the counts cost the same in a table
	 * of any size. Within the user's read filter, as the lists. Stored values that are no
	 * state are looked for only by the exact counts.
	 * @param exact whether to count every entity of every state (one scan of them all),
	 * with the stored values that are no state
	 */
	List<Map<String, Object>> counts(Workflow workflow, @Nullable ReadFilter filter, boolean exact) {
		if (exact) {
			return counts(workflow, filter);
		}
		List<Map<String, Object>> counts = new ArrayList<>();
		TypedQuery<Object[]> query = this.entityManager.createQuery(
				this.bounded.computeIfAbsent((filter != null) ? "filtered " + workflow.name() : workflow.name(),
						(key) -> boundedCounts(workflow, queries(workflow, filter))),
				Object[].class);
		if (filter != null) {
			filter.values().forEach(query::setParameter);
		}
		List<String> states = workflow.states();
		for (int i = 0; i < states.size(); i++) {
			query.setParameter("state" + i, List.of(stateValue(workflow, states.get(i))));
		}
		long[] found = new long[states.size()];
		for (Object[] row : query.getResultList()) {
			found[((Number) row[0]).intValue()] = ((Number) row[1]).longValue();
		}
		for (int i = 0; i < states.size(); i++) {
			Map<String, Object> entry = count(states.get(i), Math.min(found[i], COUNT_LIMIT), true);
			entry.put("exact", found[i] <= COUNT_LIMIT);
			counts.add(entry);
		}
		return counts;
	}

	/**
	 * One statement: for each state, its number and how many entities it holds, counted
	 * in a subquery that stops after {@link #COUNT_LIMIT} + 1.
	 */
	private static String boundedCounts(Workflow workflow, Queries queries) {
		String from = queries.countInState().substring(queries.countInState().indexOf(" from "));
		List<String> selects = new ArrayList<>();
		for (int i = 0; i < workflow.states().size(); i++) {
			selects.add("select " + i + ", count(*) from (select id(e) as i" + from.replace(":state", ":state" + i)
					+ " order by e." + workflow.field() + " limit " + (COUNT_LIMIT + 1) + ") b" + i);
		}
		return String.join(" union all ", selects);
	}

	/**
	 * The {@code @StateChangedAt} attribute of the workflow's entity, {@code null} when
	 * it declares none: found once per workflow.
	 */
	@Nullable Field stateChangedAt(Workflow workflow) {
		return this.stateChangedAt.computeIfAbsent(workflow.name(), (name) -> {
			List<Field> found = new ArrayList<>();
			ReflectionUtils.doWithFields(workflow.entityType(), found::add, (field) -> {
				StateChangedAt declared = field.getAnnotation(StateChangedAt.class);
				return declared != null && (declared.field().isEmpty() || declared.field().equals(workflow.field()));
			});
			Field named = found.stream()
				.filter((field) -> field.getAnnotation(StateChangedAt.class).field().equals(workflow.field()))
				.findFirst()
				.orElse(found.isEmpty() ? null : found.get(0));
			if (named != null) {
				ReflectionUtils.makeAccessible(named);
			}
			return Optional.ofNullable(named);
		}).orElse(null);
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
	 * When each entered its current state ({@code since}) and whether it has been there
	 * too long ({@code stuck}): its {@code @StateChangedAt} attribute where the workflow
	 * declares one, else the newest record into it, one query per state; nothing without
	 * either.
	 */
	private static void addSince(Workflow workflow, List<?> entities, List<Map<String, Object>> content,
			@Nullable Field changedAt, @Nullable TransitionHistory history) {
		Map<Integer, Instant> entered = new LinkedHashMap<>();
		if (changedAt != null) {
			for (int i = 0; i < entities.size(); i++) {
				Instant since = Cursor.instant(ReflectionUtils.getField(changedAt, entities.get(i)));
				if (since != null) {
					entered.put(i, since);
				}
			}
		}
		else if (history != null) {
			Map<String, List<Object>> byState = new LinkedHashMap<>();
			for (int i = 0; i < entities.size(); i++) {
				byState.computeIfAbsent(String.valueOf(content.get(i).get("state")), (state) -> new ArrayList<>())
					.add(entities.get(i));
			}
			Map<String, TransitionRecord> records = new LinkedHashMap<>();
			byState.forEach((state, inState) -> records.putAll(history.enteredState(workflow.name(), state, inState)));
			for (int i = 0; i < content.size(); i++) {
				TransitionRecord record = records.get(String.valueOf(content.get(i).get("id")));
				if (record != null) {
					entered.put(i, record.occurredAt());
				}
			}
		}
		else {
			return;
		}
		Instant now = Instant.now();
		for (int i = 0; i < content.size(); i++) {
			Map<String, Object> summary = content.get(i);
			Instant since = entered.get(i);
			summary.put("since", since);
			String state = String.valueOf(summary.get("state"));
			summary.put("stuck", since != null && workflow.states().contains(state)
					&& since.plus(workflow.stuckAfter(state)).isBefore(now));
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

	/**
	 * Where a keyset page ends, as {@code next} gives it: base64url of {@code i|id}
	 * (workflows without {@code @StateChangedAt}), {@code n|id} (among the entities whose
	 * attribute is not set) or {@code t|time|id}. A cursor is only a position: whatever
	 * it holds, the page after it is still filtered by what the user may read.
	 */
	private record Cursor(@Nullable Object time, @Nullable Object id) {

		static Cursor parse(Workflow workflow, EntityStore store, String after, @Nullable Field changedAt) {
			if (after.isEmpty()) {
				return new Cursor(null, null);
			}
			try {
				String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
				String[] parts = text.split("\\|", text.startsWith("t|") ? 3 : 2);
				String kind = parts[0];
				if (parts.length == 2 && kind.equals((changedAt != null) ? "n" : "i")) {
					return new Cursor(null, EntityIds.parse(store, workflow, parts[1]));
				}
				if (parts.length == 3 && kind.equals("t") && changedAt != null) {
					return new Cursor(time(changedAt.getType(), parts[1]), EntityIds.parse(store, workflow, parts[2]));
				}
			}
			catch (IllegalArgumentException | DateTimeParseException | WorkflowApiException ex) {
				// told below, as any other cursor this API did not write
			}
			throw new WorkflowApiException(ProblemType.BAD_REQUEST,
					"'" + after + "' is not a cursor of the entities of workflow '" + workflow.name()
							+ "': give after the next of the previous page, or leave it empty for the first page",
					Map.of("after", after));
		}

		static String after(EntityStore store, Workflow workflow, Object entity, @Nullable Field changedAt) {
			Object id = store.idOf(entity);
			String formatted = store.formatId(workflow.entityType(), Objects.requireNonNull(id));
			Object time = (changedAt != null) ? ReflectionUtils.getField(changedAt, entity) : null;
			String text = (changedAt == null) ? "i|" + formatted
					: (time == null) ? "n|" + formatted : "t|" + time + "|" + formatted;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		private static Object time(Class<?> type, String text) {
			if (type == OffsetDateTime.class) {
				return OffsetDateTime.parse(text);
			}
			return (type == LocalDateTime.class) ? LocalDateTime.parse(text) : Instant.parse(text);
		}

		/** The moment a {@code @StateChangedAt} value stands for. */
		static @Nullable Instant instant(@Nullable Object time) {
			if (time instanceof OffsetDateTime offset) {
				return offset.toInstant();
			}
			if (time instanceof LocalDateTime local) {
				return local.atZone(ZoneId.systemDefault()).toInstant();
			}
			return (time instanceof Instant instant) ? instant : null;
		}

	}

}
