/**
 * Workflow diagrams with no native install: Mermaid and Graphviz DOT text, and SVG laid out
 * and drawn in Java. {@link dev.fsm.diagram.WorkflowDiagrams} is the entry point;
 * {@link dev.fsm.diagram.Highlight} marks an entity's current state and the transitions its
 * user may fire; {@link dev.fsm.diagram.WorkflowDiagramExporter} writes every workflow's
 * diagrams to a folder. Everything else in this package is an implementation detail.
 */
@NullMarked
package dev.fsm.diagram;

import org.jspecify.annotations.NullMarked;
