package dev.fsm;

/**
 * Renders workflow diagrams as Mermaid, Graphviz DOT or SVG text, with no native tools.
 * The auto-configuration provides one bean of this type.
 *
 * <pre class="code">
 * String svg = diagrams.svg(transitions.workflow(CaseReport.class));   // the whole workflow
 * String mine = diagrams.svg(report);      // its current state and what the current user may fire
 * String custom = diagrams.svg(workflow, Highlight.of("ADMIN_REVIEW", Set.of("publish")));
 * </pre>
 *
 * A transition without a target (checks only) changes no state and is not drawn; the edge
 * to a transition's {@code onError} state is drawn dashed. The {@code svg},
 * {@code mermaid} and {@code dot} methods are the {@code render} methods with the format
 * fixed.
 *
 * @since 0.1.0
 */
public interface WorkflowDiagrams {

	/** The diagram of {@code workflow} in {@code format}, highlighting as told. */
	String render(Workflow workflow, DiagramFormat format, Highlight highlight);

	/**
	 * The diagram of {@code entity}'s workflow (the entity must have a single state
	 * field) in {@code format}, its current state highlighted and the transitions the
	 * current user may fire emphasised. Given a {@link Workflow}, the plain diagram of
	 * that workflow.
	 */
	String render(Object entity, DiagramFormat format);

	/** The SVG image of {@code workflow}. */
	default String svg(Workflow workflow) {
		return render(workflow, DiagramFormat.SVG, Highlight.none());
	}

	/** The SVG image of {@code workflow} with {@code highlight}. */
	default String svg(Workflow workflow, Highlight highlight) {
		return render(workflow, DiagramFormat.SVG, highlight);
	}

	/**
	 * The SVG image of the workflow of {@code entity} (which must have a single state
	 * field), its current state highlighted and the transitions the current user may fire
	 * emphasised.
	 */
	default String svg(Object entity) {
		return render(entity, DiagramFormat.SVG);
	}

	/** The Mermaid {@code stateDiagram-v2} of {@code workflow}. */
	default String mermaid(Workflow workflow) {
		return render(workflow, DiagramFormat.MERMAID, Highlight.none());
	}

	/** The Mermaid diagram of {@code workflow} with {@code highlight}. */
	default String mermaid(Workflow workflow, Highlight highlight) {
		return render(workflow, DiagramFormat.MERMAID, highlight);
	}

	/**
	 * The Mermaid diagram of {@code entity}'s workflow, highlighted like
	 * {@link #svg(Object)}.
	 */
	default String mermaid(Object entity) {
		return render(entity, DiagramFormat.MERMAID);
	}

	/** The Graphviz DOT digraph of {@code workflow}. */
	default String dot(Workflow workflow) {
		return render(workflow, DiagramFormat.DOT, Highlight.none());
	}

	/** The DOT digraph of {@code workflow} with {@code highlight}. */
	default String dot(Workflow workflow, Highlight highlight) {
		return render(workflow, DiagramFormat.DOT, highlight);
	}

	/**
	 * The DOT digraph of {@code entity}'s workflow, highlighted like
	 * {@link #svg(Object)}.
	 */
	default String dot(Object entity) {
		return render(entity, DiagramFormat.DOT);
	}

	/**
	 * The current state of {@code entity} in {@code workflow} and the transitions of that
	 * workflow the current user may fire ({@link Transitions#allowed(Object)}).
	 */
	Highlight highlight(Object entity, Workflow workflow);

}
