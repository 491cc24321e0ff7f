package dev.fsm.diagram;

/**
 * Writes a {@link DiagramModel} as a Graphviz DOT digraph, left to right: a filled dot points
 * at the initial state, final states have a double border, {@code onError} edges are dashed
 * and red, and a highlight colours the current state and the emphasised edges blue.
 */
final class DotRenderer {

	private static final String INDENT = "    ";

	private static final String START = "\"[*]\"";

	String render(DiagramModel model) {
		StringBuilder out = new StringBuilder();
		out.append("digraph ").append(quoted(model.name())).append(" {\n");
		line(out, "rankdir=LR");
		line(out, "node [shape=box, style=\"rounded,filled\", fillcolor=\"" + DiagramStyle.STATE_FILL + "\", color=\""
				+ DiagramStyle.STATE_STROKE + "\", fontname=\"Helvetica\", fontsize=12]");
		line(out, "edge [color=\"" + defaultEdgeColor(model) + "\", fontcolor=\"" + defaultEdgeColor(model)
				+ "\", fontname=\"Helvetica\", fontsize=10]");
		line(out, START + " [shape=circle, style=filled, fillcolor=\"" + DiagramStyle.START_FILL
				+ "\", label=\"\", width=0.18, fixedsize=true]");
		for (DiagramModel.State state : model.states()) {
			StringBuilder attributes = new StringBuilder();
			if (state.terminal()) {
				append(attributes, "peripheries=2");
			}
			if (state.current()) {
				append(attributes, "fillcolor=\"" + DiagramStyle.CURRENT_FILL + "\", color=\"" + DiagramStyle.EMPHASIS
						+ "\", penwidth=2.5");
			}
			line(out, quoted(state.name()) + (attributes.isEmpty() ? "" : " [" + attributes + "]"));
		}
		for (DiagramModel.State state : model.states()) {
			if (state.initial()) {
				line(out, START + " -> " + quoted(state.name()));
			}
		}
		for (DiagramModel.Edge edge : model.edges()) {
			StringBuilder attributes = new StringBuilder("label=" + quoted(edge.label()));
			if (edge.error()) {
				append(attributes, "style=dashed, color=\"" + DiagramStyle.ERROR + "\", fontcolor=\"" + DiagramStyle.ERROR
						+ "\"");
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

	/** With a highlight, edges that are not emphasised fade into the background. */
	private static String defaultEdgeColor(DiagramModel model) {
		return model.highlighted() ? DiagramStyle.MUTED : DiagramStyle.EDGE;
	}

	private static void line(StringBuilder out, String statement) {
		out.append(INDENT).append(statement).append(";\n");
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
