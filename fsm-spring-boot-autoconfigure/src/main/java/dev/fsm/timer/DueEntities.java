package dev.fsm.timer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.SharedEntityManagerCreator;

import dev.fsm.metamodel.TimedRoute;
import dev.fsm.metamodel.WorkflowModel;

/**
 * The queries of timed routes, written once per route: a page of due entities ordered by
 * the time they entered their state (an index on state and timestamp answers it), and the
 * claim of the next of them, in the transaction that fires it.
 * <p>
 * Where the database skips locked rows, one claim looks at the next {@value #WINDOW}
 * entities of the page and locks the first that is still due and that no other
 * transaction holds ({@code FOR UPDATE SKIP LOCKED}): instances and workers reading the
 * same page share it out without trying each other's rows. Elsewhere the claim re-reads
 * the next entity without a lock, and the version check at flush keeps two instances from
 * both committing.
 * <p>
 * Every parameter is single-valued (the source states and the ids one each), so that
 * Hibernate keeps the translated queries instead of translating them at each execution.
 */
final class DueEntities {

	/** How many entities of a page one claim looks at, where rows are skipped locked. */
	static final int WINDOW = 8;

	/**
	 * {@code jakarta.persistence.lock.timeout} for {@code SKIP LOCKED}
	 * ({@code org.hibernate.Timeouts.SKIP_LOCKED_MILLI}).
	 */
	private static final int SKIP_LOCKED = -2;

	private final EntityManager entityManager;

	private final PersistenceUnitUtil persistenceUnitUtil;

	private final boolean skipLocked;

	private final int window;

	private final Map<TimedRoute, Queries> queries = new ConcurrentHashMap<>();

	DueEntities(EntityManagerFactory entityManagerFactory, boolean skipLocked) {
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.persistenceUnitUtil = entityManagerFactory.getPersistenceUnitUtil();
		this.skipLocked = skipLocked;
		this.window = skipLocked ? WINDOW : 1;
	}

	/** Whether claims lock rows and skip locked ones ({@code FOR UPDATE SKIP LOCKED}). */
	boolean skipsLocked() {
		return this.skipLocked;
	}

	/**
	 * Up to {@code limit} entities in a source state of {@code route} since {@code bound}
	 * or earlier, oldest first, after {@code after} in that order.
	 */
	List<Due> page(TimedRoute route, Object bound, @Nullable Due after, int limit) {
		Queries queries = queriesOf(route);
		TypedQuery<Object[]> query = this.entityManager
			.createQuery((after != null) ? queries.nextPage() : queries.firstPage(), Object[].class)
			.setParameter("due", bound)
			.setMaxResults(limit);
		bindSources(query, route);
		if (after != null) {
			query.setParameter("lastAt", after.changedAt()).setParameter("lastId", after.id());
		}
		List<Due> due = new ArrayList<>();
		for (Object[] row : query.getResultList()) {
			due.add(new Due(row[0], row[1]));
		}
		return due;
	}

	/**
	 * Loads, in the current transaction, the first of the next entities of
	 * {@code candidates} that is still due (in a source state since {@code bound} or
	 * earlier) and, where the database can, not locked by another transaction, whose lock
	 * it then holds. Takes the entities it looked at out of {@code candidates}, up to the
	 * one it claims: those before it are no longer due or held by another transaction.
	 * @return the entity, or {@code null} when none of those it looked at is still due
	 * and free
	 */
	@Nullable Claim claim(TimedRoute route, Candidates candidates, Object bound) {
		List<Object> ids = candidates.next(this.window);
		TypedQuery<?> query = this.entityManager.createQuery(queriesOf(route).claim(), route.workflow().entityType())
			.setParameter("due", bound)
			.setMaxResults(1);
		bindSources(query, route);
		for (int i = 0; i < this.window; i++) {
			// the same statement however many are left: the last id again
			query.setParameter("id" + i, ids.get(Math.min(i, ids.size() - 1)));
		}
		if (this.skipLocked) {
			query.setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED);
		}
		List<?> claimed = query.getResultList();
		if (claimed.isEmpty()) {
			candidates.drop(ids.size());
			return null;
		}
		Object entity = claimed.get(0);
		Object id = Objects.requireNonNull(this.persistenceUnitUtil.getIdentifier(entity));
		candidates.dropThrough(id, ids.size());
		return new Claim(id, entity);
	}

	private static void bindSources(TypedQuery<?> query, TimedRoute route) {
		List<Object> sources = route.sources();
		for (int i = 0; i < sources.size(); i++) {
			query.setParameter("source" + i, sources.get(i));
		}
	}

	private Queries queriesOf(TimedRoute route) {
		return this.queries.computeIfAbsent(route, (key) -> queries(key, this.window));
	}

	private static Queries queries(TimedRoute route, int window) {
		WorkflowModel workflow = route.workflow();
		String state = "e." + workflow.state().field().getName();
		String changedAt = "e." + route.stateChangedAt().field().getName();
		String from = " from " + workflow.entityName() + " e where " + state + " in ("
				+ parameters("source", route.sources().size()) + ") and " + changedAt + " <= :due";
		String order = " order by " + changedAt + ", id(e)";
		String select = "select id(e), " + changedAt + from;
		return new Queries(
				select + order, select + " and (" + changedAt + " > :lastAt or (" + changedAt
						+ " = :lastAt and id(e) > :lastId))" + order,
				"select e" + from + " and id(e) in (" + parameters("id", window) + ")" + order);
	}

	private static String parameters(String prefix, int count) {
		StringBuilder parameters = new StringBuilder();
		for (int i = 0; i < count; i++) {
			parameters.append((i > 0) ? ", :" : ":").append(prefix).append(i);
		}
		return parameters.toString();
	}

	/** An entity due for a timed route: its id, and when it entered its state. */
	record Due(Object id, Object changedAt) {
	}

	/** A claimed entity, locked where the database can, and its id. */
	record Claim(Object id, Object entity) {
	}

	/**
	 * The entities of a page not yet looked at, in the page's order. Not thread-safe: one
	 * per poll of a route.
	 */
	static final class Candidates {

		private final Deque<Object> ids = new ArrayDeque<>();

		Candidates(List<Due> page) {
			for (Due due : page) {
				this.ids.add(due.id());
			}
		}

		boolean isEmpty() {
			return this.ids.isEmpty();
		}

		int size() {
			return this.ids.size();
		}

		/** The next {@code count} ids, or fewer when fewer are left; at least one. */
		List<Object> next(int count) {
			List<Object> next = new ArrayList<>(count);
			Iterator<Object> iterator = this.ids.iterator();
			while (iterator.hasNext() && next.size() < count) {
				next.add(iterator.next());
			}
			if (next.isEmpty()) {
				throw new IllegalStateException("No entity of the page is left to claim");
			}
			return next;
		}

		/** Drops the next {@code count} ids. */
		void drop(int count) {
			for (int i = 0; i < count && !this.ids.isEmpty(); i++) {
				this.ids.removeFirst();
			}
		}

		/** Drops the next ids up to {@code id}, looking at {@code count} at most. */
		void dropThrough(Object id, int count) {
			for (int i = 0; i < count && !this.ids.isEmpty(); i++) {
				if (this.ids.removeFirst().equals(id)) {
					return;
				}
			}
		}

	}

	private record Queries(String firstPage, String nextPage, String claim) {
	}

}
