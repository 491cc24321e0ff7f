package dev.fsm.diagram;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link DiagramModel} as a Mermaid {@code stateDiagram-v2}, left to right. Mermaid
 * cannot style single transitions of a state diagram, so an {@code onError} edge says so in
 * its label and an emphasised transition carries a check mark; the current state gets the
 * {@code current} class.
 */
final class MermaidRenderer {

	static final String EMPHASIS_MARK = " ✓";

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final String INDENT = "    ";

	String render(DiagramModel model) {
		StringBuilder out = new StringBuilder();
		out.append("%% Workflow ").append(singleLine(model.name())).append('\n');
		out.append("stateDiagram-v2\n");
		out.append(INDENT).append("direction LR\n");
		Map<String, String> ids = new HashMap<>();
		for (DiagramModel.State state : model.states()) {
			String id = IDENTIFIER.matcher(state.name()).matches() ? state.name() : "state" + ids.size();
			ids.put(state.name(), id);
			out.append(INDENT);
			if (id.equals(state.name())) {
				out.append(id);
			}
			else {
				out.append("state \"").append(quoted(state.name())).append("\" as ").append(id);
			}
			out.append('\n');
		}
		for (DiagramModel.State state : model.states()) {
			if (state.initial()) {
				out.append(INDENT).append("[*] --> ").append(ids.get(state.name())).append('\n');
			}
		}
		for (DiagramModel.Edge edge : model.edges()) {
			out.append(INDENT).append(ids.get(edge.source())).append(" --> ").append(ids.get(edge.target()));
			out.append(" : ").append(label(edge.label())).append(edge.emphasised() ? EMPHASIS_MARK : "").append('\n');
		}
		for (DiagramModel.State state : model.states()) {
			if (state.terminal()) {
				out.append(INDENT).append(ids.get(state.name())).append(" --> [*]\n");
			}
		}
		for (DiagramModel.State state : model.states()) {
			if (state.current()) {
				out.append(INDENT).append("classDef current fill:#dbeafe,stroke:#2563eb,stroke-width:3px\n");
				out.append(INDENT).append("class ").append(ids.get(state.name())).append(" current\n");
			}
		}
		return out.toString();
	}

	/** Mermaid reads {@code #}, {@code ;} and {@code :} in labels as syntax: use entity codes. */
	private static String label(String text) {
		StringBuilder result = new StringBuilder();
		for (char c : singleLine(text).toCharArray()) {
			switch (c) {
				case '#' -> result.append("#35;");
				case ';' -> result.append("#59;");
				case ':' -> result.append("#58;");
				default -> result.append(c);
			}
		}
		return result.toString();
	}

	private static String quoted(String text) {
		return singleLine(text).replace("\"", "#quot;");
	}

	private static String singleLine(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

}
