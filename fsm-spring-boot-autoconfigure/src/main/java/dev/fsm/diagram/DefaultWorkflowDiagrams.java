package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.List;

import dev.fsm.DiagramFormat;
import dev.fsm.Highlight;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.WorkflowMessages;

/**
 * The {@link WorkflowDiagrams} the auto-configuration provides: Mermaid and DOT written
 * as text, SVG laid out and drawn by {@link SvgRenderer}.
 *
 * @since 0.1.0
 * <p>
 * Public because the auto-configuration creates it; applications use
 * {@link WorkflowDiagrams}.
 */
public final class DefaultWorkflowDiagrams implements WorkflowDiagrams {

	private final Transitions transitions;

	private final WorkflowMessages messages;

	/**
	 * Diagrams that show the states' declared labels, else their names, and the
	 * transitions' labels.
	 */
	public DefaultWorkflowDiagrams(Transitions transitions) {
		this(transitions, DiagramModel.NAMES);
	}

	/**
	 * @param messages the labels of states and transitions, in the locale of the current
	 * request
	 * @since 0.5.0
	 */
	public DefaultWorkflowDiagrams(Transitions transitions, WorkflowMessages messages) {
		this.transitions = transitions;
		this.messages = messages;
	}

	@Override
	public String render(Workflow workflow, DiagramFormat format, Highlight highlight) {
		DiagramModel model = DiagramModel.of(workflow, highlight, this.messages);
		return switch (format) {
			case MERMAID -> new MermaidRenderer().render(model);
			case DOT -> new DotRenderer().render(model);
			case SVG -> new SvgRenderer().render(model);
		};
	}

	@Override
	public String render(Object entity, DiagramFormat format) {
		if (entity instanceof Workflow workflow) {
			return render(workflow, format, Highlight.none());
		}
		Workflow workflow = this.transitions.workflow(entity.getClass());
		return render(workflow, format, highlight(entity, workflow));
	}

	@Override
	public Highlight highlight(Object entity, Workflow workflow) {
		List<TransitionRoute> allowed = new ArrayList<>();
		for (TransitionRoute transition : this.transitions.allowed(entity)) {
			if (transition.workflow().equals(workflow.name())) {
				allowed.add(transition);
			}
		}
		return Highlight.allowed(this.transitions.state(entity, workflow.field()), allowed);
	}

}
