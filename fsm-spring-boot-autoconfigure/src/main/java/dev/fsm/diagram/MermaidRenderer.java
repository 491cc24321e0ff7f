package dev.fsm.diagram;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link DiagramModel} as a Mermaid {@code stateDiagram-v2}, left to right.
 * Mermaid cannot style single transitions of a state diagram, so an {@code onError} edge
 * says so in its label and an emphasised transition carries a check mark; the current
 * state gets the {@code current} class. A state group is a composite state around its
 * states; a transition that leaves all of a group's states starts from the group
 * ({@link GroupEdges}).
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
			ids.put(state.name(), IDENTIFIER.matcher(state.name()).matches() ? state.name() : "state" + ids.size());
		}
		Map<String, String> groupIds = new HashMap<>();
		for (dev.fsm.Workflow.Group group : model.groups()) {
			groupIds.put(group.name(),
					IDENTIFIER.matcher(group.name()).matches() ? group.name() : "group" + groupIds.size());
		}
		states(out, model, null, INDENT, ids, groupIds);
		for (DiagramModel.State state : model.states()) {
			if (state.initial()) {
				out.append(INDENT).append("[*] --> ").append(ids.get(state.name())).append('\n');
			}
		}
		for (GroupEdges.Drawn drawn : GroupEdges.of(model)) {
			DiagramModel.Edge edge = drawn.edge();
			String source = (drawn.group() != null) ? groupIds.get(drawn.group().name()) : ids.get(edge.source());
			out.append(INDENT).append(source).append(" --> ").append(ids.get(edge.target()));
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

	/**
	 * The states inside {@code parent} (at the top: all), each group as a composite state
	 * around its own.
	 */
	private static void states(StringBuilder out, DiagramModel model, dev.fsm.Workflow.@Nullable Group parent,
			String indent, Map<String, String> ids, Map<String, String> groupIds) {
		Map<String, String> labels = new HashMap<>();
		model.states().forEach((state) -> labels.put(state.name(), state.label()));
		GroupEdges.nest(model, parent, new GroupEdges.Visitor() {

			@Override
			public void state(String state) {
				String id = ids.get(state);
				String label = labels.getOrDefault(state, state);
				out.append(indent);
				if (label.equals(id)) {
					out.append(id);
				}
				else {
					out.append("state \"").append(quoted(label)).append("\" as ").append(id);
				}
				out.append('\n');
			}

			@Override
			public void group(dev.fsm.Workflow.Group group) {
				String id = groupIds.get(group.name());
				out.append(indent).append("state ");
				if (!group.name().equals(id)) {
					out.append('"').append(quoted(group.name())).append("\" as ");
				}
				out.append(id).append(" {\n");
				states(out, model, group, indent + INDENT, ids, groupIds);
				out.append(indent).append("}\n");
			}

		});
	}

	/**
	 * Mermaid reads {@code #}, {@code ;} and {@code :} in labels as syntax: use entity
	 * codes.
	 */
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
