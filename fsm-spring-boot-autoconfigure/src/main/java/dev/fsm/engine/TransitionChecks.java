package dev.fsm.engine;

import java.time.Duration;
import java.util.Objects;

import org.springframework.dao.PessimisticLockingFailureException;

import dev.fsm.WorkflowMessages;
import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.StateAccessor;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.spi.EntityLocking;
import dev.fsm.spi.EntityStore;

/**
 * The checks of a transition before anything changes, in the documented order: the source
 * state (a state of the workflow, and for an entity without {@code @Version} still the
 * one stored), the permission, the conditions. Each failure is its own typed exception.
 */
final class TransitionChecks {

	private final EntityStore store;

	private final ConcurrencySettings concurrency;

	private final WorkflowMessages messages;

	TransitionChecks(EntityStore store, ConcurrencySettings concurrency, WorkflowMessages messages) {
		this.store = store;
		this.concurrency = concurrency;
		this.messages = messages;
	}

	/**
	 * The source state (a state of the workflow, still the one stored), the permission
	 * and the conditions: nothing changes yet.
	 */
	RouteModel check(RunningTransition attempt, Object invocationTarget) {
		TransitionModel transition = attempt.model();
		WorkflowModel workflow = attempt.workflowModel();
		StateAccessor state = workflow.state();
		Object source = CurrentStates.require(workflow, attempt.entity(), this.store);
		attempt.setSource(source, state.name(source));
		RouteModel route = transition.routeFor(source);
		if (route == null) {
			throw TransitionErrors.notAllowed(attempt);
		}
		attempt.setRoute(route);
		attempt.setTargetState(route.targetName(source, state));
		verifyStoredState(attempt);
		if (route.conditions().isEmpty() && route.permission() == null) {
			return route;
		}
		GuardInput input = new GuardInput(attempt.entity(), transition.method(), invocationTarget,
				attempt.rawArguments(), transition.parameterNames(), state.name(source), attempt.targetState());
		GuardVerdict verdict = GuardEvaluator.evaluate(route, input, true, true, null);
		switch (verdict.status()) {
			case CONDITIONS_FAILED ->
				throw TransitionErrors.conditionsFailed(attempt, verdict.reasons(), this.messages);
			case DENIED -> throw TransitionErrors.denied(attempt, verdict.reasons().get(0), this.messages);
			case GUARD_FAILED ->
				throw TransitionErrors.guardFailed(attempt, Objects.requireNonNull(verdict.failedGuardKind()),
						verdict.reasons().get(0), Objects.requireNonNull(verdict.failure()));
			default -> {
				return route;
			}
		}
	}

	/**
	 * For an entity without {@code @Version}: locks its row and checks that it still
	 * holds the source state, so that two transitions from one state cannot both commit.
	 * In pessimistic mode, for every entity: locks its row, waiting at most the lock
	 * timeout, and checks that it still holds the source state and the entity's version,
	 * so that the permission and the conditions that follow judge what is stored, and
	 * nothing can change it until the commit.
	 */
	void verifyStoredState(RunningTransition attempt) {
		if (this.concurrency.isPessimistic(attempt.model())) {
			lockAndVerify(attempt);
			return;
		}
		boolean current;
		try {
			current = EntityLocking.of(this.store)
				.lockAndVerifyState(attempt.entity(), attempt.workflowModel().view(), attempt.sourceValue());
		}
		catch (PessimisticLockingFailureException ex) {
			throw TransitionErrors.conflict(attempt, ex);
		}
		if (!current) {
			throw TransitionErrors.staleState(attempt);
		}
	}

	private void lockAndVerify(RunningTransition attempt) {
		Duration timeout = this.concurrency.lockTimeout(attempt.model());
		boolean current = TransitionErrors.locking(
				() -> EntityLocking.of(this.store)
					.lockAndVerify(attempt.entity(), attempt.workflowModel().view(), attempt.sourceValue(), timeout),
				(ex) -> TransitionErrors.lockTimeout(attempt, timeout, ex));
		if (!current) {
			throw TransitionErrors.conflict(attempt, null);
		}
	}

}
