package dev.fsm.timer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.ClassUtils;

import dev.fsm.TransitionException;
import dev.fsm.Transitions;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.metamodel.TimedRoute;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.timer.DueEntities.Candidates;
import dev.fsm.timer.DueEntities.Claim;
import dev.fsm.timer.DueEntities.Due;

/**
 * Fires the timed transitions that are due. A {@link #poll()} walks, for each timed
 * route, the entities in a source state for at least its duration, oldest first, a page
 * at a time, and fires the transition on each in a transaction of its own, through
 * {@link Transitions} as the configured actor: every check, event, audit record and
 * observation of a user's transition.
 * <p>
 * A refusal (a condition or permission that does not hold) leaves the entity due for the
 * next poll; each poll logs one line per route for them and counts each. An entity
 * another instance claimed, or fired first, is skipped.
 * <p>
 * Public because the auto-configuration creates it; {@link #poll()} may also be called
 * directly (a test that moved its clock, an operator's endpoint).
 */
public final class TransitionTimers {

	private static final Log logger = LogFactory.getLog(TransitionTimers.class);

	private final List<TimedRoute> routes;

	private final Transitions transitions;

	private final DueEntities due;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final String actor;

	private final int batchSize;

	private final TimerCounters counters;

	/**
	 * @param actor the name transitions are fired as
	 * @param batchSize how many due entities one query reads
	 * @param transactions the engine's transaction template, starting a transaction of
	 * its own for each firing
	 * @throws WorkflowDefinitionException when a timed transition moves an entity that is
	 * no JPA entity of {@code entityManagerFactory}
	 */
	public TransitionTimers(WorkflowRegistry registry, Transitions transitions,
			EntityManagerFactory entityManagerFactory, TransactionOperations transactions, Clock clock, String actor,
			int batchSize, TimerCounters counters) {
		this(registry, transitions, entityManagerFactory, transactions, clock, actor, batchSize, counters,
				skipsLocked(entityManagerFactory));
	}

	/**
	 * @param skipLocked whether claims lock rows and skip locked ones, or rely on the
	 * version check
	 */
	TransitionTimers(WorkflowRegistry registry, Transitions transitions, EntityManagerFactory entityManagerFactory,
			TransactionOperations transactions, Clock clock, String actor, int batchSize, TimerCounters counters,
			boolean skipLocked) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("fsm.timers.batch-size must be at least 1, not " + batchSize);
		}
		this.routes = routes(registry, entityManagerFactory);
		this.transitions = transitions;
		this.due = new DueEntities(entityManagerFactory, skipLocked);
		this.transactions = transactions;
		this.clock = clock;
		this.actor = actor;
		this.batchSize = batchSize;
		this.counters = counters;
	}

	/** The timed routes of every workflow. */
	public List<TimedRoute> routes() {
		return this.routes;
	}

	/**
	 * Whether a claim locks the row and skips rows other instances locked
	 * ({@code FOR UPDATE SKIP LOCKED}).
	 */
	public boolean claimsWithSkipLocked() {
		return this.due.skipsLocked();
	}

	/**
	 * Fires every timed transition due now, by the clock.
	 * @return how many transitions this call fired
	 */
	public int poll() {
		return poll(() -> false);
	}

	/**
	 * Fires every timed transition due now, until {@code stopping} says to stop (checked
	 * before each entity).
	 */
	int poll(BooleanSupplier stopping) {
		int fired = 0;
		for (TimedRoute route : this.routes) {
			fired += poll(route, stopping);
		}
		return fired;
	}

	private int poll(TimedRoute route, BooleanSupplier stopping) {
		Object bound = route.stateChangedAt().dueBound(this.clock, route.after());
		Refusals refusals = new Refusals(route);
		int fired = 0;
		Due last = null;
		while (true) {
			List<Due> page = this.due.page(route, bound, last, this.batchSize);
			Candidates candidates = new Candidates(page);
			while (!candidates.isEmpty()) {
				if (stopping.getAsBoolean()) {
					refusals.log();
					return fired;
				}
				if (fireNext(route, candidates, bound, refusals)) {
					fired++;
				}
			}
			if (page.size() < this.batchSize) {
				break;
			}
			last = page.get(page.size() - 1);
		}
		refusals.log();
		return fired;
	}

	/**
	 * Claims the next entity of the page that is still due and free and fires the route's
	 * transition on it, in a transaction of its own from the engine's template, which
	 * ends it after a failure as a transition fired by id ends: what can still commit (an
	 * {@code onError} state) commits, the rest rolls back. Takes at least one entity out
	 * of {@code candidates}.
	 */
	private boolean fireNext(TimedRoute route, Candidates candidates, Object bound, Refusals refusals) {
		Object first = candidates.next(1).get(0);
		int left = candidates.size();
		Object[] claimedId = { first };
		try {
			Boolean fired = this.transactions.execute((status) -> {
				Claim claim = this.due.claim(route, candidates, bound);
				if (claim == null) {
					status.setRollbackOnly();
					return false;
				}
				claimedId[0] = claim.id();
				this.transitions.runAs(this.actor,
						() -> this.transitions.fire(claim.entity(), route.transition().name()));
				return true;
			});
			if (!Boolean.TRUE.equals(fired)) {
				if (logger.isDebugEnabled()) {
					logger.debug("No entity of " + route + " from " + label(route, first)
							+ " on is still due and free: another instance fired or holds it, or a transaction"
							+ " moved it");
				}
				return false;
			}
		}
		catch (ConcurrencyFailureException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug(label(route, claimedId[0]) + " was fired by another instance first (" + route + "): "
						+ ex.getMessage());
			}
			return false;
		}
		catch (TransitionException ex) {
			refusals.add(label(route, claimedId[0]), ex);
			return false;
		}
		catch (RuntimeException ex) {
			this.counters.failed(route, ex.getClass().getSimpleName());
			logger.warn("Timed transition " + route + " failed on " + label(route, claimedId[0])
					+ "; it stays due and is tried again at the next poll", ex);
			return false;
		}
		finally {
			if (candidates.size() == left) {
				// the claim itself failed: go on with the next entity
				candidates.drop(1);
			}
		}
		this.counters.fired(route);
		return true;
	}

	private static String label(TimedRoute route, Object id) {
		return route.workflow().entityType().getSimpleName() + "#" + id;
	}

	private static List<TimedRoute> routes(WorkflowRegistry registry, EntityManagerFactory entityManagerFactory) {
		List<TimedRoute> routes = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (WorkflowModel workflow : registry.workflows()) {
			if (workflow.timers().isEmpty()) {
				continue;
			}
			if (!isEntity(entityManagerFactory, workflow.entityType())) {
				problems.add("Workflow '" + workflow.name() + "' has timed transitions, but "
						+ workflow.entityType().getSimpleName() + " is no JPA entity; timers find due entities with"
						+ " JPA queries");
				continue;
			}
			routes.addAll(workflow.timers());
		}
		if (!problems.isEmpty()) {
			throw new WorkflowDefinitionException(problems);
		}
		return List.copyOf(routes);
	}

	private static boolean isEntity(EntityManagerFactory entityManagerFactory, Class<?> type) {
		return entityManagerFactory.getMetamodel()
			.getEntities()
			.stream()
			.anyMatch((entity) -> entity.getJavaType() == type);
	}

	/**
	 * Whether the dialect locks with {@code SKIP LOCKED}: PostgreSQL, MariaDB 10.6+,
	 * MySQL 8, Oracle, H2 2.
	 */
	private static boolean skipsLocked(EntityManagerFactory entityManagerFactory) {
		if (!ClassUtils.isPresent("org.hibernate.engine.spi.SessionFactoryImplementor",
				TransitionTimers.class.getClassLoader())) {
			return false;
		}
		return entityManagerFactory.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class)
			.getJdbcServices()
			.getDialect()
			.supportsSkipLocked();
	}

	/** The refusals of one route in one poll: counted each, logged as one line. */
	private final class Refusals {

		private final TimedRoute route;

		private int count;

		private @Nullable String first;

		Refusals(TimedRoute route) {
			this.route = route;
		}

		void add(String entity, TransitionException refusal) {
			TransitionTimers.this.counters.refused(this.route, refusal.getClass().getSimpleName());
			if (this.count++ == 0) {
				this.first = refusal.getMessage();
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Timed transition " + this.route + " refused on " + entity + ": " + refusal.getMessage());
			}
		}

		void log() {
			if (this.count > 0) {
				logger.info("Timed transition " + this.route + " was refused on " + this.count
						+ ((this.count == 1) ? " entity" : " entities") + ", which stay due and are tried again at the"
						+ " next poll; the first: " + this.first);
			}
		}

	}

}
