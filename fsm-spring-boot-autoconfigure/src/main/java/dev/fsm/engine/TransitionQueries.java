package dev.fsm.engine;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionOption;
import dev.fsm.TransitionOption.Status;
import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.StateAccessor;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.spi.EntityStore;

/**
 * Answers whether transitions could be fired now, without firing them: {@code options},
 * {@code available}, {@code allowed} and {@code can}. The method's arguments are unknown
 * here: a guard that reads one is reported as needing input, not evaluated. A guard that
 * throws decides only its own transition (logged, counted as not allowed).
 */
final class TransitionQueries {

	private static final Log logger = LogFactory.getLog(TransitionQueries.class);

	private final EntityStore store;

	TransitionQueries(EntityStore store) {
		this.store = store;
	}

	/**
	 * The options of every transition of {@code workflows}, in workflow and declaration
	 * order.
	 */
	List<TransitionOption> options(List<WorkflowModel> workflows, Object entity, boolean checkPermission,
			@Nullable Principal user) {
		List<TransitionOption> options = new ArrayList<>();
		for (WorkflowModel workflow : workflows) {
			Object current = CurrentStates.require(workflow, entity, this.store);
			for (TransitionModel transition : workflow.transitions()) {
				if (!transition.routes().isEmpty()) {
					options.add(option(transition, entity, current, checkPermission, user));
				}
			}
		}
		return options;
	}

	/** The option of one transition. */
	TransitionOption option(TransitionModel transition, Object entity, boolean checkPermission,
			@Nullable Principal user) {
		Object current = CurrentStates.require(transition.workflow(), entity, this.store);
		return option(transition, entity, current, checkPermission, user);
	}

	private TransitionOption option(TransitionModel transition, Object entity, Object current, boolean checkPermission,
			@Nullable Principal user) {
		RouteModel route = transition.routeFor(current);
		if (route == null) {
			return new TransitionOption(transition.routes().get(0).view(), Status.WRONG_STATE,
					transition.sourceNames());
		}
		StateAccessor state = transition.workflow().state();
		@Nullable Object[] arguments = new Object[transition.method().getParameterCount()];
		if (transition.entityParameterIndex() >= 0) {
			arguments[transition.entityParameterIndex()] = entity;
		}
		String source = state.name(current);
		GuardInput input = new GuardInput(entity, transition.method(), entity, arguments, transition.parameterNames(),
				source, route.targetName(current, state));
		GuardVerdict verdict = GuardEvaluator.evaluate(route, input, false, checkPermission, user);
		if (verdict.status() == Status.GUARD_FAILED) {
			RuntimeException failure = verdict.failure();
			logger.warn("The " + verdict.failedGuardKind() + " \"" + verdict.reasons().get(0) + "\" of transition '"
					+ transition.name() + "' of workflow '" + transition.workflow().name() + "' threw on "
					+ TransitionErrors.entity(this.store, transition.workflow().entityType(), this.store.idOf(entity))
					+ " in state '" + source + "'; the transition counts as not allowed", failure);
			String reason = verdict.reasons().get(0) + ": " + ((failure != null) ? failure.getMessage() : "");
			return new TransitionOption(route.view(), Status.GUARD_FAILED, List.of(reason));
		}
		return new TransitionOption(route.view(), verdict.status(), verdict.reasons());
	}

}
