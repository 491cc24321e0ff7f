package dev.fsm.test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;

/**
 * Where a workflow ends, for {@link WorkflowChecks}: dead ends (states no transition
 * leaves) that are not declared final, declared final states that a transition leaves,
 * and states from which no final state can be reached. Problems are collected, not
 * thrown.
 */
final class WorkflowEnds {

	private WorkflowEnds() {
	}

	/** Checks {@code workflow} against the states declared final for it. */
	static void check(Workflow workflow, Set<String> declaredFinal, List<String> problems) {
		Set<String> ends = workflow.finalStates();
		List<String> deadEnds = ends.stream().filter((state) -> !declaredFinal.contains(state)).toList();
		if (!deadEnds.isEmpty()) {
			problems.add("Workflow '" + workflow.name() + "' has dead ends, states that no transition leaves: "
					+ deadEnds + "; declare them with finalStates(..) if the workflow ends there");
		}
		for (String state : workflow.states()) {
			if (declaredFinal.contains(state) && !ends.contains(state)) {
				problems.add("Workflow '" + workflow.name() + "': '" + state + "' is declared final, but transition '"
						+ leaving(workflow, state) + "' leaves it");
			}
		}
		if (ends.isEmpty()) {
			return;
		}
		List<String> trapped = workflow.states()
			.stream()
			.filter((state) -> !ends.contains(state) && !reachesAny(workflow, state, ends))
			.toList();
		if (!trapped.isEmpty()) {
			problems.add("Workflow '" + workflow.name() + "' has states from which no final state " + ends
					+ " can be reached: " + trapped);
		}
	}

	private static String leaving(Workflow workflow, String state) {
		for (TransitionRoute route : workflow.transitions()) {
			if (route.sources().contains(state)
					&& route.targets().stream().anyMatch((target) -> !target.equals(state))) {
				return route.name();
			}
		}
		return "?";
	}

	private static boolean reachesAny(Workflow workflow, String start, Set<String> ends) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> pending = new ArrayDeque<>(List.of(start));
		while (!pending.isEmpty()) {
			String state = pending.poll();
			if (ends.contains(state)) {
				return true;
			}
			if (!seen.add(state)) {
				continue;
			}
			for (TransitionRoute route : workflow.transitions()) {
				if (route.sources().contains(state)) {
					pending.addAll(route.targets());
					if (route.onError() != null) {
						pending.add(route.onError());
					}
				}
			}
		}
		return false;
	}

}
