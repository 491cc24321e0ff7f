package dev.fsm.metamodel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Checks a compiled workflow as a whole: stacked declarations that start from the same
 * state, and states that no transition reaches from the initial state. Problems are
 * collected, not thrown. The start-up runs these checks, and so does
 * {@code dev.fsm.WorkflowDefinitions} for the test module's {@code WorkflowChecks}, which
 * adds the checks of where workflows end.
 */
final class RouteChecks {

	private static final Log logger = LogFactory.getLog(RouteChecks.class);

	private final boolean failOnUnreachableStates;

	private final List<String> problems;

	RouteChecks(boolean failOnUnreachableStates, List<String> problems) {
		this.failOnUnreachableStates = failOnUnreachableStates;
		this.problems = problems;
	}

	void checkAmbiguousRoutes(WorkflowDraft draft, TransitionDraft transition, List<RouteModel> routes,
			List<String> states) {
		if (routes.size() < 2) {
			return;
		}
		for (String state : states) {
			Object value;
			try {
				value = draft.accessor().type().value(state);
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			long matching = routes.stream().filter((route) -> route.matches(value)).count();
			if (matching > 1) {
				this.problems.add("Transition '" + transition.name() + "' of workflow '" + draft.name() + "' has "
						+ matching + " stacked declarations that start from state '" + state
						+ "'; each state may start at most one");
			}
		}
	}

	void checkReachability(WorkflowModel model, List<String> states) {
		StateType type = model.state().type();
		Set<String> reached = new LinkedHashSet<>();
		Deque<String> pending = new ArrayDeque<>();
		pending.add(model.initialState());
		pending.addAll(model.startStates());
		while (!pending.isEmpty()) {
			String state = pending.poll();
			if (!reached.add(state)) {
				continue;
			}
			Object value;
			try {
				value = type.value(state);
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			for (TransitionModel transition : model.transitions()) {
				RouteModel route = transition.routeFor(value);
				if (route != null) {
					pending.addAll(route.view().targets());
					if (route.view().onError() != null) {
						pending.add(route.view().onError());
					}
				}
			}
		}
		List<String> unreachable = new ArrayList<>(states);
		unreachable.removeAll(reached);
		if (unreachable.isEmpty()) {
			return;
		}
		String starts = model.startStates().isEmpty() ? "the initial state '" + model.initialState() + "'"
				: "the initial state '" + model.initialState() + "' or the start states " + model.startStates();
		String message = "Workflow '" + model.name() + "' has states that no transition reaches from " + starts + ": "
				+ unreachable;
		if (this.failOnUnreachableStates) {
			this.problems.add(message + " (set fsm.validation.fail-on-unreachable-states=false to only warn)");
		}
		else {
			logger.warn(message);
		}
	}

}
