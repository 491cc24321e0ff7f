package dev.fsm.diagram;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.fsm.Workflow;

/**
 * Writes a {@link DiagramModel} as a Graphviz DOT digraph, left to right: a filled dot
 * points at the initial state, final states have a double border, {@code onError} edges
 * are dashed and red, and a highlight colours the current state and the emphasised edges
 * blue. A state group is a cluster around its states; a transition that leaves all of a
 * group's states starts at the cluster's border ({@link GroupEdges}).
 */
final class DotRenderer {

	private static final String INDENT = "    ";

	private static final String START = "\"[*]\"";

	String render(DiagramModel model) {
		StringBuilder out = new StringBuilder();
		out.append("digraph ").append(quoted(model.name())).append(" {\n");
		line(out, "rankdir=LR");
		if (!model.groups().isEmpty()) {
			line(out, "compound=true");
		}
		line(out, "node [shape=box, style=\"rounded,filled\", fillcolor=\"" + DiagramStyle.STATE_FILL + "\", color=\""
				+ DiagramStyle.STATE_STROKE + "\", fontname=\"Helvetica\", fontsize=12]");
		line(out, "edge [color=\"" + defaultEdgeColor(model) + "\", fontcolor=\"" + defaultEdgeColor(model)
				+ "\", fontname=\"Helvetica\", fontsize=10]");
		line(out, START + " [shape=circle, style=filled, fillcolor=\"" + DiagramStyle.START_FILL
				+ "\", label=\"\", width=0.18, fixedsize=true]");
		Map<String, DiagramModel.State> states = new HashMap<>();
		model.states().forEach((state) -> states.put(state.name(), state));
		nodes(out, model, null, INDENT, states);
		for (DiagramModel.State state : model.states()) {
			if (state.initial()) {
				line(out, START + " -> " + quoted(state.name()));
			}
		}
		for (GroupEdges.Drawn drawn : GroupEdges.of(model)) {
			DiagramModel.Edge edge = drawn.edge();
			StringBuilder attributes = new StringBuilder("label=" + quoted(edge.label()));
			if (drawn.group() != null) {
				append(attributes, "ltail=" + quoted(cluster(model, drawn.group())));
			}
			if (edge.error()) {
				append(attributes,
						"style=dashed, color=\"" + DiagramStyle.ERROR + "\", fontcolor=\"" + DiagramStyle.ERROR + "\"");
			}
			else if (edge.emphasised()) {
				append(attributes, "color=\"" + DiagramStyle.EMPHASIS + "\", fontcolor=\"" + DiagramStyle.EMPHASIS
						+ "\", penwidth=2.5");
			}
			line(out, quoted(edge.source()) + " -> " + quoted(edge.target()) + " [" + attributes + "]");
		}
		out.append("}\n");
		return out.toString();
	}

	/**
	 * The nodes inside {@code parent} (at the top: all), each group a cluster around its
	 * own.
	 */
	private static void nodes(StringBuilder out, DiagramModel model, Workflow.@Nullable Group parent, String indent,
			Map<String, DiagramModel.State> states) {
		GroupEdges.nest(model, parent, new GroupEdges.Visitor() {

			@Override
			public void state(String name) {
				DiagramModel.State state = Objects.requireNonNull(states.get(name), name);
				StringBuilder attributes = new StringBuilder();
				if (!state.label().equals(state.name())) {
					append(attributes, "label=" + quoted(state.label()));
				}
				if (state.terminal()) {
					append(attributes, "peripheries=2");
				}
				if (state.current()) {
					append(attributes, "fillcolor=\"" + DiagramStyle.CURRENT_FILL + "\", color=\""
							+ DiagramStyle.EMPHASIS + "\", penwidth=2.5");
				}
				line(out, indent, quoted(state.name()) + (attributes.isEmpty() ? "" : " [" + attributes + "]"));
			}

			@Override
			public void group(Workflow.Group group) {
				out.append(indent).append("subgraph ").append(quoted(cluster(model, group))).append(" {\n");
				String inside = indent + INDENT;
				line(out, inside, "label=" + quoted(group.name()));
				line(out, inside, "style=\"rounded,filled\"");
				line(out, inside, "fillcolor=\"" + DiagramStyle.GROUP_FILL + "\"");
				line(out, inside, "color=\"" + DiagramStyle.GROUP_STROKE + "\"");
				line(out, inside, "fontcolor=\"" + DiagramStyle.GROUP_TEXT + "\"");
				line(out, inside, "fontname=\"Helvetica\"");
				line(out, inside, "fontsize=11");
				line(out, inside, "labeljust=l");
				nodes(out, model, group, inside, states);
				out.append(indent).append("}\n");
			}

		});
	}

	/**
	 * Graphviz draws a subgraph as a cluster when its name starts with {@code cluster}.
	 */
	private static String cluster(DiagramModel model, Workflow.Group group) {
		return "cluster_" + model.groups().indexOf(group);
	}

	/** With a highlight, edges that are not emphasised fade into the background. */
	private static String defaultEdgeColor(DiagramModel model) {
		return model.highlighted() ? DiagramStyle.MUTED : DiagramStyle.EDGE;
	}

	private static void line(StringBuilder out, String statement) {
		line(out, INDENT, statement);
	}

	private static void line(StringBuilder out, String indent, String statement) {
		out.append(indent).append(statement).append(";\n");
	}

	private static void append(StringBuilder attributes, String attribute) {
		if (!attributes.isEmpty()) {
			attributes.append(", ");
		}
		attributes.append(attribute);
	}

	static String quoted(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + '"';
	}

}
