package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.fsm.Highlight;
import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;
import dev.fsm.WorkflowMessages;

/**
 * A workflow as a graph to draw: one node per state, one edge per transition from each of
 * its sources to each of its targets, plus a dashed edge to the {@code onError} state.
 * Check-only transitions (no target) change no state and are not drawn.
 *
 * @param name the workflow name
 * @param states the states, in declaration order
 * @param edges the edges, in declaration order, without duplicates
 * @param highlighted whether a {@link Highlight} is active (other edges are then muted)
 * @param groups the state groups, drawn as clusters around their states, outer before
 * inner
 */
record DiagramModel(String name, List<State> states, List<Edge> edges, boolean highlighted,
		List<Workflow.Group> groups) {

	/** Suffix of the label of an {@code onError} edge. */
	static final String ERROR_SUFFIX = " (on error)";

	/**
	 * Words that keep the names: a state's declared label or its name, a transition's
	 * label or name.
	 */
	static final WorkflowMessages NAMES = new WorkflowMessages() {

		@Override
		public String stateLabel(Workflow workflow, String state) {
			String label = workflow.states().contains(state) ? workflow.state(state).label() : null;
			return (label != null) ? label : state;
		}

		@Override
		public String transitionLabel(TransitionRoute route) {
			return route.label();
		}

	};

	/** The diagram with the states' declared labels, or their names. */
	static DiagramModel of(Workflow workflow, Highlight highlight) {
		return of(workflow, highlight, NAMES);
	}

	/**
	 * The diagram with the labels of {@code messages}; the stable names stay the keys.
	 */
	static DiagramModel of(Workflow workflow, Highlight highlight, WorkflowMessages messages) {
		Set<String> terminal = workflow.finalStates();
		List<State> states = new ArrayList<>();
		for (String state : workflow.states()) {
			states.add(new State(state, state.equals(workflow.initialState()), terminal.contains(state),
					state.equals(highlight.currentState()), messages.stateLabel(workflow, state)));
		}
		Set<Edge> edges = new LinkedHashSet<>();
		for (TransitionRoute transition : workflow.transitions()) {
			String label = messages.transitionLabel(transition);
			for (String source : transition.sources()) {
				for (String target : transition.targets()) {
					edges.add(new Edge(source, target, transition.name(), label, false,
							isEmphasised(highlight, transition, source)));
				}
				String onError = transition.onError();
				if (onError != null) {
					edges.add(new Edge(source, onError, transition.name(), label + ERROR_SUFFIX, true, false));
				}
			}
		}
		for (Edge edge : edges) {
			addIfMissing(states, edge.source(), highlight);
			addIfMissing(states, edge.target(), highlight);
		}
		return new DiagramModel(workflow.name(), states, List.copyOf(edges), highlight.isActive(), workflow.groups());
	}

	/**
	 * Keeps the diagram drawable should an edge name a state the workflow does not list.
	 */
	private static void addIfMissing(List<State> states, String name, Highlight highlight) {
		if (states.stream().noneMatch((state) -> state.name().equals(name))) {
			states.add(new State(name, false, false, name.equals(highlight.currentState()), name));
		}
	}

	private static boolean isEmphasised(Highlight highlight, TransitionRoute transition, String source) {
		String current = highlight.currentState();
		return highlight.transitions().contains(transition.name()) && (current == null || current.equals(source));
	}

	/**
	 * One state.
	 *
	 * @param name the state name
	 * @param initial whether it is the initial state
	 * @param terminal whether no transition leaves it
	 * @param current whether it is the highlighted current state
	 * @param label the text to show: the state's label, or its name
	 */
	record State(String name, boolean initial, boolean terminal, boolean current, String label) {

		/** A state shown by its name. */
		State(String name, boolean initial, boolean terminal, boolean current) {
			this(name, initial, terminal, current, name);
		}

	}

	/**
	 * One edge: a transition from one source to one target.
	 *
	 * @param source the source state
	 * @param target the target state
	 * @param transition the transition name
	 * @param label the text to show
	 * @param error whether this is the edge to the transition's {@code onError} state
	 * @param emphasised whether the highlighted user may fire it
	 */
	record Edge(String source, String target, String transition, String label, boolean error, boolean emphasised) {

		boolean isLoop() {
			return this.source.equals(this.target);
		}

	}

}
