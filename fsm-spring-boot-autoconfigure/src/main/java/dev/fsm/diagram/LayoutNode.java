package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One box of the layered layout: a state, the start dot, an edge label, or an invisible
 * point a long edge passes through. Positions are filled in by the layout steps.
 */
final class LayoutNode {

	enum Kind {

		STATE, START, LABEL, POINT

	}

	final Kind kind;

	/** The state, for {@link Kind#STATE} nodes. */
	final DiagramModel.@Nullable State state;

	/** The edge, for {@link Kind#LABEL} and {@link Kind#POINT} nodes. */
	final @Nullable LayoutEdge edge;

	final double width;

	/** Width its self-loop labels need, when wider than the box. */
	double loopWidth;

	/**
	 * Height above the anchor line (for a state, including the room for its self-loops).
	 */
	double above;

	/** Height below the anchor line. */
	double below;

	/** Height of the box a state or the start dot is drawn in. */
	double boxHeight;

	/** Column, counted from the start dot. */
	int rank;

	/** Position within the column, top to bottom. */
	int order;

	/** Centre of the column. */
	double x;

	/** Width of the column. */
	double columnWidth;

	/**
	 * The anchor line: a state's centre, the line under a label, a point's own height.
	 */
	double y;

	/** The clusters of state groups it is in, outermost first ({@link ClusterLayout}). */
	List<LayoutCluster> clusters = List.of();

	/** Neighbours in the column before and after. */
	final List<LayoutNode> previous = new ArrayList<>(2);

	final List<LayoutNode> next = new ArrayList<>(2);

	private LayoutNode(Kind kind, DiagramModel.@Nullable State state, @Nullable LayoutEdge edge, double width,
			double above, double below) {
		this.kind = kind;
		this.state = state;
		this.edge = edge;
		this.width = width;
		this.above = above;
		this.below = below;
		this.boxHeight = above + below;
	}

	static final double STATE_HEIGHT = 40;

	static final double LABEL_LINE_HEIGHT = 15;

	/** Distance between the ends of edges on one side of a box. */
	static final double PORT_SPACING = 12;

	static LayoutNode state(DiagramModel.State state) {
		double text = TextMetrics.width(state.label(), DiagramStyle.STATE_FONT_SIZE, true);
		return new LayoutNode(Kind.STATE, state, null, Math.max(96, Math.ceil(text) + 36), STATE_HEIGHT / 2,
				STATE_HEIGHT / 2);
	}

	static LayoutNode start() {
		return new LayoutNode(Kind.START, null, null, 16, 8, 8);
	}

	static LayoutNode label(LayoutEdge edge) {
		return new LayoutNode(Kind.LABEL, null, edge, Math.ceil(edge.labelWidth()) + 12,
				edge.labels().size() * LABEL_LINE_HEIGHT + 4, 3);
	}

	static LayoutNode point(@Nullable LayoutEdge edge) {
		return new LayoutNode(Kind.POINT, null, edge, 0, 0, 0);
	}

	/**
	 * Makes a state's box at least tall enough for {@code ends} edge ends on one side, so
	 * their arrowheads do not touch.
	 */
	void fitEnds(int ends) {
		double needed = ends * PORT_SPACING + 8;
		if (needed > this.boxHeight) {
			double grow = needed - this.boxHeight;
			this.above += grow / 2;
			this.below += grow / 2;
			this.boxHeight = needed;
		}
	}

	/** The width the node takes in its column. */
	double footprint() {
		return Math.max(this.width, this.loopWidth);
	}

	boolean isVirtual() {
		return this.kind == Kind.LABEL || this.kind == Kind.POINT;
	}

	String name() {
		return (this.state != null) ? this.state.name() : this.kind.name().toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public String toString() {
		return name() + "@" + this.rank + "/" + this.order;
	}

}
