package dev.fsm.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import dev.fsm.Workflow;
import dev.fsm.metamodel.StateTimestamp;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;

/**
 * The gauges {@value #ENTITIES} (entities per workflow and state) and {@value #STUCK}
 * (entities in a state longer than its "stuck after"), tags {@code workflow} and
 * {@code state}, for the workflows it is switched on for. The values are counted on a
 * schedule, every refresh interval (the first at start-up): one {@code GROUP BY} per
 * workflow, and one count per state that an entity can leave for the stuck ones
 * (workflows with {@code @StateChangedAt} only). A scrape reads the last values and never
 * queries, and a transition does not count anything.
 * <p>
 * Public because the auto-configuration creates it and the health indicator reads it.
 */
public final class EntityGauges implements SmartLifecycle {

	/** The gauge of entities per state. */
	public static final String ENTITIES = "fsm.entities";

	/** The gauge of entities stuck in a state. */
	public static final String STUCK = "fsm.entities.stuck";

	private static final Log logger = LogFactory.getLog(EntityGauges.class);

	private final StateCounts counts;

	private final EntityManagerFactory entityManagerFactory;

	private final Clock clock;

	private final Duration interval;

	private final @Nullable TaskScheduler applicationScheduler;

	private final List<Counted> workflows = new ArrayList<>();

	private @Nullable ThreadPoolTaskScheduler ownScheduler;

	private volatile @Nullable ScheduledFuture<?> refreshing;

	/**
	 * @param enabled which workflows, by name, to count
	 * @param scheduler the application's scheduler, or {@code null} to refresh on a
	 * thread of its own
	 */
	public EntityGauges(MeterRegistry meterRegistry, WorkflowRegistry registry, StateCounts counts,
			EntityManagerFactory entityManagerFactory, Clock clock, Predicate<String> enabled, Duration interval,
			@Nullable TaskScheduler scheduler) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(
					"fsm.metrics.entities.refresh-interval must be positive, not " + interval);
		}
		this.counts = counts;
		this.entityManagerFactory = entityManagerFactory;
		this.clock = clock;
		this.interval = interval;
		this.applicationScheduler = scheduler;
		for (WorkflowModel model : registry.workflows()) {
			Workflow workflow = model.view();
			if (enabled.test(workflow.name()) && counts.counts(workflow)) {
				this.workflows.add(new Counted(workflow, model, meterRegistry));
			}
		}
	}

	/** The names of the workflows counted. */
	public List<String> workflows() {
		return this.workflows.stream().map((counted) -> counted.workflow.name()).toList();
	}

	/**
	 * The stuck entities of each counted workflow and state at the last refresh; states
	 * with none left out.
	 */
	public Map<String, Map<String, Long>> stuck() {
		Map<String, Map<String, Long>> stuck = new LinkedHashMap<>();
		for (Counted counted : this.workflows) {
			counted.stuck.forEach((state, value) -> {
				if (value.get() > 0) {
					stuck.computeIfAbsent(counted.workflow.name(), (name) -> new LinkedHashMap<>())
						.put(state, value.get());
				}
			});
		}
		return stuck;
	}

	/** Counts again, now. */
	public void refresh() {
		for (Counted counted : this.workflows) {
			try {
				counted.refresh();
			}
			catch (RuntimeException ex) {
				logger.warn("Counting the entities of workflow " + counted.workflow.name() + " failed; the gauges keep"
						+ " their values until the next refresh in " + this.interval, ex);
			}
		}
	}

	@Override
	public void start() {
		if (this.workflows.isEmpty() || this.refreshing != null) {
			return;
		}
		TaskScheduler scheduler = this.applicationScheduler;
		if (scheduler == null) {
			ThreadPoolTaskScheduler own = new ThreadPoolTaskScheduler();
			own.setThreadNamePrefix("fsm-gauges-");
			own.initialize();
			this.ownScheduler = own;
			scheduler = own;
		}
		this.refreshing = scheduler.scheduleWithFixedDelay(this::refresh, scheduler.getClock().instant(),
				this.interval);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> refreshing = this.refreshing;
		if (refreshing != null) {
			refreshing.cancel(false);
			this.refreshing = null;
		}
		ThreadPoolTaskScheduler own = this.ownScheduler;
		if (own != null) {
			own.shutdown();
			this.ownScheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.refreshing != null;
	}

	/** The count of the entities stuck in one state, and the gauge it feeds. */
	private record StuckQuery(AtomicLong value, Object state, Duration stuckAfter, String jpql) {
	}

	/** The gauges of one workflow and what feeds them. */
	private final class Counted {

		private final Workflow workflow;

		private final @Nullable StateTimestamp changedAt;

		private final Map<String, AtomicLong> entities = new LinkedHashMap<>();

		private final Map<String, AtomicLong> stuck = new LinkedHashMap<>();

		private final Map<String, StuckQuery> stuckQueries = new LinkedHashMap<>();

		Counted(Workflow workflow, WorkflowModel model, MeterRegistry meterRegistry) {
			this.workflow = workflow;
			this.changedAt = model.stateChangedAt();
			for (String state : workflow.states()) {
				AtomicLong value = new AtomicLong();
				this.entities.put(state, value);
				Gauge.builder(ENTITIES, value, AtomicLong::get)
					.description("Entities per workflow and state, counted every refresh interval")
					.tags("workflow", workflow.name(), "state", state)
					.register(meterRegistry);
			}
			StateTimestamp changedAt = this.changedAt;
			if (changedAt == null) {
				return;
			}
			for (String state : workflow.states()) {
				if (workflow.finalStates().contains(state)) {
					continue; // an entity there has arrived, not stuck
				}
				AtomicLong value = new AtomicLong();
				this.stuck.put(state, value);
				this.stuckQueries.put(state,
						new StuckQuery(value, model.state().value(state), workflow.stuckAfter(state),
								"select count(e) from " + workflow.entityName() + " e where e." + workflow.field()
										+ " = :state and e." + changedAt.field().getName() + " <= :bound"));
				Gauge.builder(STUCK, value, AtomicLong::get)
					.description("Entities in a state for longer than its stuck-after, counted every refresh interval")
					.tags("workflow", workflow.name(), "state", state)
					.register(meterRegistry);
			}
		}

		void refresh() {
			StateCounts.Counted counted = EntityGauges.this.counts.count(this.workflow);
			this.entities.forEach((state, value) -> value.set(counted.byState().getOrDefault(state, 0L)));
			StateTimestamp changedAt = this.changedAt;
			if (changedAt == null || this.stuckQueries.isEmpty()) {
				return;
			}
			EntityManager entityManager = EntityGauges.this.entityManagerFactory.createEntityManager();
			try {
				for (StuckQuery query : this.stuckQueries.values()) {
					query.value()
						.set(entityManager.createQuery(query.jpql(), Long.class)
							.setParameter("state", query.state())
							.setParameter("bound", changedAt.dueBound(EntityGauges.this.clock, query.stuckAfter()))
							.getSingleResult());
				}
			}
			finally {
				entityManager.close();
			}
		}

	}

}
