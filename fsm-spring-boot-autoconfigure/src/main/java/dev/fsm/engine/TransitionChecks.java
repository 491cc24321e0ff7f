package dev.fsm.engine;

import java.util.Objects;

import org.springframework.dao.PessimisticLockingFailureException;

import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.StateAccessor;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;

/**
 * The checks of a transition before anything changes, in the documented order: the source state
 * (a state of the workflow, and for an entity without {@code @Version} still the one stored),
 * the conditions, the permission. Each failure is its own typed exception.
 */
final class TransitionChecks {

	private final EntityStore store;

	TransitionChecks(EntityStore store) {
		this.store = store;
	}

	/**
	 * The source state (a state of the workflow, still the one stored), the conditions and the
	 * permission: nothing changes yet.
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
		GuardInput input = new GuardInput(attempt.entity(), transition.method(), invocationTarget,
				attempt.rawArguments(), transition.parameterNames(), state.name(source), attempt.targetState());
		GuardVerdict verdict = GuardEvaluator.evaluate(route, input, true, true, null);
		switch (verdict.status()) {
			case CONDITIONS_FAILED -> throw TransitionErrors.conditionsFailed(attempt, verdict.reasons());
			case DENIED -> throw TransitionErrors.denied(attempt, verdict.reasons().get(0));
			case GUARD_FAILED -> throw TransitionErrors.guardFailed(attempt, Objects.requireNonNull(verdict.failedGuardKind()),
					verdict.reasons().get(0), Objects.requireNonNull(verdict.failure()));
			default -> {
				return route;
			}
		}
	}

	/**
	 * For an entity without {@code @Version}: locks its row and checks that it still holds the
	 * source state, so that two transitions from one state cannot both commit.
	 */
	void verifyStoredState(RunningTransition attempt) {
		boolean current;
		try {
			current = this.store.lockAndVerifyState(attempt.entity(), attempt.workflowModel().view(),
					attempt.sourceValue());
		}
		catch (PessimisticLockingFailureException ex) {
			throw TransitionErrors.conflict(attempt, ex);
		}
		if (!current) {
			throw TransitionErrors.staleState(attempt);
		}
	}

}
