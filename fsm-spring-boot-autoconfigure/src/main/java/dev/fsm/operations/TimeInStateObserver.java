package dev.fsm.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionHistory;
import dev.fsm.TransitionRecord;
import dev.fsm.metamodel.StateTimestamp;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.TransitionObserver;

/**
 * Records {@value #METER}, how long an entity stayed in a state, when a transition that
 * completes leaves it (tags {@code workflow}, {@code state}: the state left,
 * {@code transition}). When the state was entered comes from the {@code @StateChangedAt}
 * attribute, read before the transition changes it; for a workflow without one, from the
 * audit trail (the newest record into the state, one query per transition) when it is
 * given one ({@code
 * fsm.metrics.time-in-state.from-audit-trail}); else nothing is recorded. Self-loops,
 * check-only and failed transitions leave no state and record nothing.
 * <p>
 * Public because the auto-configuration creates it.
 */
public final class TimeInStateObserver implements TransitionObserver {

	/** The timer's name. */
	public static final String METER = "fsm.time.in.state";

	private final MeterRegistry meterRegistry;

	private final Map<String, StateTimestamp> timestamps = new ConcurrentHashMap<>();

	private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

	private final @Nullable TransitionHistory history;

	private final Clock clock;

	/**
	 * @param history the audit trail, for workflows without {@code @StateChangedAt};
	 * {@code null} without one
	 */
	public TimeInStateObserver(MeterRegistry meterRegistry, WorkflowRegistry workflows, Clock clock,
			@Nullable TransitionHistory history) {
		this.meterRegistry = meterRegistry;
		this.clock = clock;
		this.history = history;
		for (WorkflowModel workflow : workflows.workflows()) {
			StateTimestamp timestamp = workflow.stateChangedAt();
			if (timestamp != null) {
				this.timestamps.put(workflow.name(), timestamp);
			}
		}
	}

	@Override
	public @Nullable Object observe(TransitionAttempt attempt, Execution execution) throws Throwable {
		StateTimestamp timestamp = this.timestamps.get(attempt.workflow().name());
		Instant entered = (timestamp != null) ? instant(timestamp.get(attempt.entity())) : null;
		Object result = execution.proceed();
		TransitionAttempt ended = execution.attempt();
		String source = ended.sourceState();
		String target = ended.targetState();
		if (source == null || target == null || source.equals(target)) {
			return result;
		}
		if (timestamp == null) {
			entered = fromHistory(ended, source);
		}
		if (entered != null) {
			Duration inState = Duration.between(entered, this.clock.instant());
			if (!inState.isNegative()) {
				timer(ended.workflow().name(), source, ended.transition()).record(inState);
			}
		}
		return result;
	}

	private @Nullable Instant fromHistory(TransitionAttempt attempt, String state) {
		TransitionHistory history = this.history;
		if (history == null || attempt.entityId() == null) {
			return null;
		}
		Map<String, TransitionRecord> entered = history.enteredState(attempt.workflow().name(), state,
				List.of(attempt.entity()));
		return entered.values().stream().findFirst().map(TransitionRecord::occurredAt).orElse(null);
	}

	private @Nullable Instant instant(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof LocalDateTime local) {
			return local.atZone(this.clock.getZone()).toInstant();
		}
		return null;
	}

	private Timer timer(String workflow, String state, String transition) {
		return this.timers.computeIfAbsent(List.of(workflow, state, transition),
				(key) -> Timer.builder(METER)
					.description("How long entities stayed in a state, recorded when a transition leaves it")
					.tags("workflow", workflow, "state", state, "transition", transition)
					.register(this.meterRegistry));
	}

}
