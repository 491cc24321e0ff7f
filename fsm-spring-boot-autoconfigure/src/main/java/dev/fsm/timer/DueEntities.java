package dev.fsm.timer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.SharedEntityManagerCreator;

import dev.fsm.metamodel.TimedRoute;
import dev.fsm.metamodel.WorkflowModel;

/**
 * The queries of timed routes, written once per route: a page of due entities ordered by
 * the time they entered their state (an index on state and timestamp answers it), and the
 * claim of one of them, in the transaction that fires it. Where the database skips locked
 * rows the claim locks the row and skips one another instance holds; elsewhere it only
 * re-reads the row, and the version check at flush keeps two instances from both
 * committing.
 */
final class DueEntities {

	/**
	 * {@code jakarta.persistence.lock.timeout} for {@code SKIP LOCKED}
	 * ({@code org.hibernate.Timeouts.SKIP_LOCKED_MILLI}).
	 */
	private static final int SKIP_LOCKED = -2;

	private final EntityManager entityManager;

	private final boolean skipLocked;

	private final Map<TimedRoute, Queries> queries = new ConcurrentHashMap<>();

	DueEntities(EntityManagerFactory entityManagerFactory, boolean skipLocked) {
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.skipLocked = skipLocked;
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
			.setParameter("sources", route.sources())
			.setParameter("due", bound)
			.setMaxResults(limit);
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
	 * Loads the entity with {@code id} in the current transaction if it is still due: in
	 * a source state since {@code bound} or earlier, and (where the database can) not
	 * locked by another transaction, whose lock it then holds.
	 * @return the entity, or {@code null} when it is no longer due or another instance
	 * holds it
	 */
	@Nullable Object claim(TimedRoute route, Object id, Object bound) {
		TypedQuery<?> query = this.entityManager.createQuery(queriesOf(route).claim(), route.workflow().entityType())
			.setParameter("id", id)
			.setParameter("sources", route.sources())
			.setParameter("due", bound);
		if (this.skipLocked) {
			query.setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED);
		}
		List<?> claimed = query.getResultList();
		return claimed.isEmpty() ? null : claimed.get(0);
	}

	private Queries queriesOf(TimedRoute route) {
		return this.queries.computeIfAbsent(route, DueEntities::queries);
	}

	private static Queries queries(TimedRoute route) {
		WorkflowModel workflow = route.workflow();
		String state = "e." + workflow.state().field().getName();
		String changedAt = "e." + route.stateChangedAt().field().getName();
		String from = " from " + workflow.entityName() + " e where " + state + " in :sources and " + changedAt
				+ " <= :due";
		String order = " order by " + changedAt + ", id(e)";
		String select = "select id(e), " + changedAt + from;
		return new Queries(select + order, select + " and (" + changedAt + " > :lastAt or (" + changedAt
				+ " = :lastAt and id(e) > :lastId))" + order, "select e" + from + " and id(e) = :id");
	}

	/** An entity due for a timed route: its id, and when it entered its state. */
	record Due(Object id, Object changedAt) {
	}

	private record Queries(String firstPage, String nextPage, String claim) {
	}

}
