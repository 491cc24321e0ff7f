package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fsm.Workflow;

/**
 * The edges of a diagram for the renderers that draw state groups as clusters themselves
 * (Mermaid, DOT): a transition that leaves every state of a group for a state outside it
 * is one edge from the group instead of one from each of its states, the outermost such
 * group first. The SVG draws one edge per state.
 */
final class GroupEdges {

	private GroupEdges() {
	}

	/**
	 * The edges in their order, each from a state or, when {@code group} is set, from
	 * that group (its {@code edge.source()} is then the group's first state in the edge).
	 */
	static List<Drawn> of(DiagramModel model) {
		List<Drawn> drawn = new ArrayList<>();
		if (model.groups().isEmpty()) {
			model.edges().forEach((edge) -> drawn.add(new Drawn(edge, null)));
			return drawn;
		}
		Map<List<Object>, Set<String>> sources = new LinkedHashMap<>();
		for (DiagramModel.Edge edge : model.edges()) {
			sources.computeIfAbsent(alike(edge), (key) -> new HashSet<>()).add(edge.source());
		}
		Map<List<Object>, List<Workflow.Group>> covering = new LinkedHashMap<>();
		sources.forEach((key, states) -> covering.put(key, covering(model.groups(), states, (String) key.get(0))));
		Set<List<Object>> emitted = new HashSet<>();
		for (DiagramModel.Edge edge : model.edges()) {
			Workflow.Group group = covering.getOrDefault(alike(edge), List.of())
				.stream()
				.filter((candidate) -> candidate.contains(edge.source()))
				.findFirst()
				.orElse(null);
			if (group == null) {
				drawn.add(new Drawn(edge, null));
			}
			else if (emitted.add(List.of(alike(edge), group.name()))) {
				drawn.add(new Drawn(edge, group));
			}
		}
		return drawn;
	}

	/**
	 * The outermost groups all of whose states are among {@code sources} and that do not
	 * hold {@code target}.
	 */
	private static List<Workflow.Group> covering(List<Workflow.Group> groups, Set<String> sources, String target) {
		List<Workflow.Group> covering = new ArrayList<>();
		Set<String> covered = new HashSet<>();
		for (Workflow.Group group : groups) {
			if (!group.contains(target) && sources.containsAll(group.states())
					&& group.states().stream().noneMatch(covered::contains)) {
				covering.add(group);
				covered.addAll(group.states());
			}
		}
		return covering;
	}

	/** What two edges that differ only by their source have in common. */
	private static List<Object> alike(DiagramModel.Edge edge) {
		return List.of(edge.target(), edge.transition(), edge.label(), edge.error(), edge.emphasised());
	}

	/**
	 * The groups a renderer writes inside {@code parent} ({@code null}: at the top), and
	 * the states directly in it, in the order of their first state: {@code visit} gets a
	 * state name or a group.
	 */
	static void nest(DiagramModel model, Workflow.@Nullable Group parent, Visitor visitor) {
		List<String> states = (parent != null) ? parent.states()
				: model.states().stream().map(DiagramModel.State::name).toList();
		Set<String> visited = new HashSet<>();
		for (String state : states) {
			Workflow.Group child = null;
			for (Workflow.Group group : model.groups()) {
				if (Objects.equals(group.parent(), (parent != null) ? parent.name() : null) && group.contains(state)) {
					child = group;
				}
			}
			if (child == null) {
				visitor.state(state);
			}
			else if (visited.add(child.name())) {
				visitor.group(child);
			}
		}
	}

	/** An edge as drawn: from a state, or from a group. */
	record Drawn(DiagramModel.Edge edge, Workflow.@Nullable Group group) {
	}

	/** What {@link #nest} finds inside a group. */
	interface Visitor {

		void state(String state);

		void group(Workflow.Group group);

	}

}
