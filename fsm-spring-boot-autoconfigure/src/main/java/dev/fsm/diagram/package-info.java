/**
 * Workflow diagrams with no native install: Mermaid and Graphviz DOT text, and SVG laid
 * out and drawn in Java, behind {@link dev.fsm.WorkflowDiagrams}.
 * {@link dev.fsm.diagram.WorkflowDiagramExporter} writes every workflow's diagrams to a
 * folder when {@code fsm.diagrams.export-dir} is set. Everything in this package is an
 * implementation detail.
 */
@NullMarked
package dev.fsm.diagram;

import org.jspecify.annotations.NullMarked;
