package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.List;

import dev.fsm.TransitionDefinition;
import dev.fsm.Transitions;
import dev.fsm.Workflow;

/**
 * Renders workflow diagrams as Mermaid, Graphviz DOT or SVG text, with no native tools. The
 * auto-configuration provides one bean of this type.
 *
 * <pre class="code">
 * String svg = diagrams.svg(transitions.workflow(CaseReport.class));   // the whole workflow
 * String mine = diagrams.svg(report);      // its current state and what the current user may fire
 * String custom = diagrams.svg(workflow, Highlight.of("ADMIN_REVIEW", Set.of("publish")));
 * </pre>
 *
 * A transition without a target (checks only) changes no state and is not drawn; the edge to
 * a transition's {@code onError} state is drawn dashed.
 *
 * @since 0.1.0
 */
public class WorkflowDiagrams {

	private final Transitions transitions;

	private final EntityStates entityStates = new EntityStates();

	public WorkflowDiagrams(Transitions transitions) {
		this.transitions = transitions;
	}

	/** The diagram of {@code workflow} in {@code format}, highlighting as told. */
	public String render(Workflow workflow, DiagramFormat format, Highlight highlight) {
		DiagramModel model = DiagramModel.of(workflow, highlight);
		return switch (format) {
			case MERMAID -> new MermaidRenderer().render(model);
			case DOT -> new DotRenderer().render(model);
			case SVG -> new SvgRenderer().render(model);
		};
	}

	/**
	 * The diagram of {@code entity}'s workflow (the entity must have a single state field) in
	 * {@code format}, its current state highlighted and the transitions the current user may
	 * fire emphasised. Given a {@link Workflow}, the plain diagram of that workflow.
	 */
	public String render(Object entity, DiagramFormat format) {
		if (entity instanceof Workflow workflow) {
			return render(workflow, format, Highlight.none());
		}
		Workflow workflow = this.transitions.workflow(entity.getClass());
		return render(workflow, format, highlight(entity, workflow));
	}

	/** The SVG image of {@code workflow}. */
	public String svg(Workflow workflow) {
		return render(workflow, DiagramFormat.SVG, Highlight.none());
	}

	/** The SVG image of {@code workflow} with {@code highlight}. */
	public String svg(Workflow workflow, Highlight highlight) {
		return render(workflow, DiagramFormat.SVG, highlight);
	}

	/**
	 * The SVG image of the workflow of {@code entity} (which must have a single state field),
	 * its current state highlighted and the transitions the current user may fire emphasised.
	 */
	public String svg(Object entity) {
		return render(entity, DiagramFormat.SVG);
	}

	/** The Mermaid {@code stateDiagram-v2} of {@code workflow}. */
	public String mermaid(Workflow workflow) {
		return render(workflow, DiagramFormat.MERMAID, Highlight.none());
	}

	/** The Mermaid diagram of {@code workflow} with {@code highlight}. */
	public String mermaid(Workflow workflow, Highlight highlight) {
		return render(workflow, DiagramFormat.MERMAID, highlight);
	}

	/** The Mermaid diagram of {@code entity}'s workflow, highlighted like {@link #svg(Object)}. */
	public String mermaid(Object entity) {
		return render(entity, DiagramFormat.MERMAID);
	}

	/** The Graphviz DOT digraph of {@code workflow}. */
	public String dot(Workflow workflow) {
		return render(workflow, DiagramFormat.DOT, Highlight.none());
	}

	/** The DOT digraph of {@code workflow} with {@code highlight}. */
	public String dot(Workflow workflow, Highlight highlight) {
		return render(workflow, DiagramFormat.DOT, highlight);
	}

	/** The DOT digraph of {@code entity}'s workflow, highlighted like {@link #svg(Object)}. */
	public String dot(Object entity) {
		return render(entity, DiagramFormat.DOT);
	}

	/**
	 * The current state of {@code entity} in {@code workflow} and the transitions of that
	 * workflow the current user may fire ({@link Transitions#allowed(Object)}).
	 */
	public Highlight highlight(Object entity, Workflow workflow) {
		List<TransitionDefinition> allowed = new ArrayList<>();
		for (TransitionDefinition transition : this.transitions.allowed(entity)) {
			if (transition.workflow().equals(workflow.name())) {
				allowed.add(transition);
			}
		}
		return Highlight.allowed(this.entityStates.stateOf(entity, workflow), allowed);
	}

}
