package dev.fsm.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionStatus;

import dev.fsm.TransitionAttempt;
import dev.fsm.Transitions;
import dev.fsm.metamodel.StateAccessor;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.spi.ActorProvider;
import dev.fsm.spi.EntityLocking;
import dev.fsm.spi.EntityStore;
import dev.fsm.spi.TransitionRecorder;

/**
 * {@code Transitions.forceState}: sets a state without a transition, for data migrations
 * and repairs; a transition of its own kind ({@code (forced)}). No checks of a transition
 * and no events, but the same template and guarantees as a transition: saved in a
 * transaction ({@link TransitionTransactions}), {@code @Version} incremented, recorded,
 * and, through the failure path ({@link TransitionFailures#forced}), nothing changed when
 * it fails and a lost race reported as {@code ConcurrentTransitionException}.
 */
final class StateOverride {

	private final EntityStore store;

	private final ActorProvider actors;

	private final TransitionTransactions transactions;

	private final List<TransitionRecorder> recorders;

	private final Clock clock;

	private final ConcurrencySettings concurrency;

	private final CoroutineCallers callers;

	private final TransitionFailures failures;

	StateOverride(EntityStore store, ActorProvider actors, TransitionTransactions transactions,
			List<TransitionRecorder> recorders, Clock clock, ConcurrencySettings concurrency, CoroutineCallers callers,
			TransitionFailures failures) {
		this.callers = callers;
		this.failures = failures;
		this.concurrency = concurrency;
		this.store = store;
		this.actors = actors;
		this.transactions = transactions;
		this.recorders = recorders;
		this.clock = clock;
	}

	void force(WorkflowModel workflow, Object entity, String stateName, String reason) {
		StateAccessor state = workflow.state();
		Object value = value(workflow, stateName);
		Object target = this.store.unproxy(entity);
		String refusal = this.callers.refusal("the forced state");
		if (refusal != null) {
			throw new IllegalStateException("forceState on "
					+ TransitionErrors.entity(this.store, workflow.entityType(), this.store.idOf(target)) + " "
					+ refusal);
		}
		String actor = this.actors.currentActor();
		EntitySnapshot before = EntitySnapshot.of(target);
		Object source = state.get(target);
		String sourceName = (source != null) ? state.name(source) : null;
		StateWrite write = new StateWrite(target, workflow, this.store::idOf, source, this.store.versionOf(target),
				this.clock);
		StateWrites.enter(write);
		try {
			this.transactions.runUnchecked(new TransitionTransactions.Unit<Object>() {

				@Override
				public @Nullable Object run(@Nullable TransactionStatus status) {
					lockUnversionedRow(workflow, target, source);
					write.write(value);
					Object saved = StateOverride.this.store.save(target, write.baselineVersion());
					TransitionAttempt forced = new TransitionAttempt(workflow.view(), Transitions.FORCED, saved,
							StateOverride.this.store.idOf(saved), StateOverride.this.store.versionOf(saved), sourceName,
							stateName, actor, List.of(), reason);
					StateOverride.this.recorders.forEach((recorder) -> recorder.forced(forced));
					return null;
				}

				@Override
				public Throwable failed(@Nullable TransactionStatus status, Throwable failure) {
					return StateOverride.this.failures.forced(workflow, target, sourceName, before, status, failure);
				}

			});
			StateWrites.completed(write, this.store.versionOf(target));
		}
		finally {
			StateWrites.exit(write);
		}
	}

	/**
	 * Locks an unversioned row as a transition would, so that no transition runs beside
	 * the forced state, waiting at most the workflow's lock timeout; what the row held
	 * does not matter here. A versioned row needs no lock: its version keeps the two
	 * apart.
	 */
	private void lockUnversionedRow(WorkflowModel workflow, Object entity, @Nullable Object source) {
		if (this.store.isVersioned(workflow.entityType())) {
			return;
		}
		Duration timeout = this.concurrency.lockTimeout(workflow);
		TransitionErrors.locking(
				() -> EntityLocking.of(this.store).lockAndVerify(entity, workflow.view(), source, timeout), (ex) -> {
					Object id = this.store.idOf(entity);
					return TransitionErrors.lockTimeout(workflow.entityType(), id,
							TransitionErrors.entity(this.store, workflow.entityType(), id), Transitions.FORCED,
							(source != null) ? workflow.state().name(source) : null, timeout, ex);
				});
	}

	private static Object value(WorkflowModel workflow, String stateName) {
		@Nullable Object value;
		try {
			value = workflow.state().value(stateName);
		}
		catch (IllegalArgumentException ex) {
			value = null;
		}
		if (value == null || !workflow.isState(value)) {
			throw new IllegalArgumentException("Cannot force state '" + stateName + "': it is not a state of workflow '"
					+ workflow.name() + "' " + workflow.states());
		}
		return value;
	}

}
