package dev.fsm.diagram;

import dev.fsm.Workflow;

/**
 * A state group as the SVG layout draws it: a cluster whose border keeps {@code side}
 * from its nodes left, right and below, and {@code top} above them, room for its name and
 * the names of the clusters nested in it.
 *
 * @param group the state group
 * @param side the room between the cluster's border and its nodes, but above
 * @param top the room above its nodes
 */
record LayoutCluster(Workflow.Group group, double side, double top) {

	private static final double SIDE = 10;

	private static final double SIDE_STEP = 8;

	/** The height of one line of group names. */
	static final double LABEL_LINE = 22;

	/** A cluster with {@code nested} levels of clusters inside it. */
	static LayoutCluster of(Workflow.Group group, int nested) {
		double side = SIDE + SIDE_STEP * nested;
		return new LayoutCluster(group, side, side + LABEL_LINE * (nested + 1));
	}

	String name() {
		return this.group.name();
	}

}
