package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * The edges of a diagram between one pair of states in one direction, drawn as one line
 * with one label per transition. A back edge (one that closes a cycle) is laid out from
 * its target to its source, like every other edge left to right, and drawn with the arrow
 * at its target.
 */
final class LayoutEdge {

	final String source;

	final String target;

	final boolean error;

	final List<DiagramModel.Edge> labels = new ArrayList<>(1);

	/** Whether the layout runs this edge from its target to its source. */
	boolean reversed;

	/** The nodes it passes through, in layout order: first and last are the end nodes. */
	final List<LayoutNode> chain = new ArrayList<>();

	LayoutEdge(String source, String target, boolean error) {
		this.source = source;
		this.target = target;
		this.error = error;
	}

	List<DiagramModel.Edge> labels() {
		return this.labels;
	}

	boolean emphasised() {
		return this.labels.stream().anyMatch(DiagramModel.Edge::emphasised);
	}

	boolean isLoop() {
		return this.source.equals(this.target);
	}

	double labelWidth() {
		double width = 0;
		for (DiagramModel.Edge label : this.labels) {
			width = Math.max(width, TextMetrics.width(label.label(), DiagramStyle.LABEL_FONT_SIZE, label.emphasised()));
		}
		return width;
	}

	@Override
	public String toString() {
		return this.source + "->" + this.target + (this.error ? " (error)" : "");
	}

}
