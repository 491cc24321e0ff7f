package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the clusters of state groups are drawn once the layout is placed: in every column
 * that holds nodes of a cluster a band around them, and between two such columns a bridge
 * across the gap, unless the bridge would cross a node of another column. Bands joined by
 * bridges are one piece of the cluster, drawn as the rectangle around it when no other
 * state falls in that rectangle, else as the bands and bridges themselves; each piece
 * bears the group's name at its top left. A state that is not in a group is never inside
 * its cluster: the column order keeps a cluster's nodes together, and bridges never cross
 * a node.
 */
final class ClusterShapes {

	/** A rectangle of a cluster, with rounded corners when it is a whole piece. */
	record Box(double x, double y, double width, double height, double radius) {

		Box(double x, double y, double width, double height) {
			this(x, y, width, height, 0);
		}

		double right() {
			return this.x + this.width;
		}

		double bottom() {
			return this.y + this.height;
		}

		boolean intersects(double left, double top, double right, double bottom) {
			return left < right() && right > this.x && top < bottom() && bottom > this.y;
		}

	}

	/**
	 * A cluster as drawn.
	 *
	 * @param cluster the cluster
	 * @param boxes the rectangles whose union it is
	 * @param labels where its name is written: the top left of each piece
	 */
	record Shape(LayoutCluster cluster, List<Box> boxes, List<Box> labels) {
	}

	private ClusterShapes() {
	}

	/**
	 * Draws the clusters, outer before inner, each a {@code g} with a {@code data-group}
	 * attribute: every rectangle with a border twice as wide as shown, then every
	 * rectangle again without one, so that only the border of their union shows.
	 */
	static void draw(SvgBuilder svg, List<Shape> shapes) {
		if (shapes.isEmpty()) {
			return;
		}
		svg.open("g", "data-layer", "groups");
		for (Shape shape : shapes) {
			String parent = shape.cluster().group().parent();
			svg.open("g", "data-group", shape.cluster().name(), "data-parent", (parent != null) ? parent : "");
			svg.text("title",
					"Group " + shape.cluster().name() + ": " + String.join(", ", shape.cluster().group().states()));
			for (Box box : shape.boxes()) {
				svg.empty("rect", "x", box.x(), "y", box.y(), "width", box.width(), "height", box.height(), "rx",
						box.radius(), "fill", DiagramStyle.GROUP_FILL, "stroke", DiagramStyle.GROUP_STROKE,
						"stroke-width", 2.0);
			}
			for (Box box : shape.boxes()) {
				svg.empty("rect", "x", box.x(), "y", box.y(), "width", box.width(), "height", box.height(), "rx",
						box.radius(), "fill", DiagramStyle.GROUP_FILL);
			}
			for (Box label : shape.labels()) {
				svg.text("text", shape.cluster().name(), "x", label.x(), "y", label.y(), "font-size",
						DiagramStyle.GROUP_FONT_SIZE, "fill", DiagramStyle.GROUP_TEXT);
			}
			svg.close("g");
		}
		svg.close("g");
	}

	/**
	 * The part of the plane the drawing takes, {@code [left, top, width, height]}: the
	 * placed layout's, grown to hold the clusters with a margin.
	 * @param size the width and height of the placed layout, from the origin
	 */
	static double[] bounds(double[] size, List<Shape> shapes) {
		double left = 0;
		double top = 0;
		double right = size[0];
		double bottom = size[1];
		for (Shape shape : shapes) {
			for (Box box : shape.boxes()) {
				left = Math.min(left, box.x() - Placement.MARGIN);
				top = Math.min(top, box.y() - Placement.MARGIN);
				right = Math.max(right, box.right() + Placement.MARGIN);
				bottom = Math.max(bottom, box.bottom() + Placement.MARGIN);
			}
		}
		return new double[] { left, top, right - left, bottom - top };
	}

	/** The shapes of the clusters, outer before inner. */
	static List<Shape> of(List<LayoutCluster> clusters, List<List<LayoutNode>> columns) {
		List<Shape> shapes = new ArrayList<>();
		for (LayoutCluster cluster : clusters) {
			shapes.add(shape(cluster, columns));
		}
		return shapes;
	}

	private static Shape shape(LayoutCluster cluster, List<List<LayoutNode>> columns) {
		List<List<Box>> pieces = new ArrayList<>();
		@Nullable Box previous = null;
		int previousColumn = -1;
		for (int c = 0; c < columns.size(); c++) {
			Box band = band(cluster, columns.get(c));
			if (band == null) {
				continue;
			}
			if (previous == null
					|| !bridge(previous, band, columns, previousColumn, c, pieces.get(pieces.size() - 1))) {
				pieces.add(new ArrayList<>());
			}
			pieces.get(pieces.size() - 1).add(band);
			previous = band;
			previousColumn = c;
		}
		List<Box> boxes = new ArrayList<>();
		List<Box> labels = new ArrayList<>();
		for (List<Box> piece : pieces) {
			Box around = around(piece);
			boolean clear = columns.stream()
				.flatMap(List::stream)
				.noneMatch((node) -> node.kind == LayoutNode.Kind.STATE && !node.clusters.contains(cluster)
						&& around.intersects(node.x - node.width / 2, node.y - node.above, node.x + node.width / 2,
								node.y + node.below));
			boxes.addAll(clear ? List.of(around) : piece);
			labels.add(new Box(piece.get(0).x() + 8, (clear ? around : piece.get(0)).y() + 16, 0, 0));
		}
		return new Shape(cluster, boxes, labels);
	}

	private static Box around(List<Box> boxes) {
		double left = boxes.stream().mapToDouble(Box::x).min().orElse(0);
		double top = boxes.stream().mapToDouble(Box::y).min().orElse(0);
		double right = boxes.stream().mapToDouble(Box::right).max().orElse(0);
		double bottom = boxes.stream().mapToDouble(Box::bottom).max().orElse(0);
		return new Box(left, top, right - left, bottom - top, 10);
	}

	/**
	 * The band around the cluster's nodes in a column, as wide as the column;
	 * {@code null} for none.
	 */
	private static @Nullable Box band(LayoutCluster cluster, List<LayoutNode> column) {
		double top = Double.MAX_VALUE;
		double bottom = -Double.MAX_VALUE;
		LayoutNode any = null;
		for (LayoutNode node : column) {
			if (node.clusters.contains(cluster)) {
				top = Math.min(top, node.y - node.above);
				bottom = Math.max(bottom, node.y + node.below);
				any = node;
			}
		}
		if (any == null) {
			return null;
		}
		double left = any.x - any.columnWidth / 2 - cluster.side();
		return new Box(left, top - cluster.top(), any.columnWidth + 2 * cluster.side(),
				bottom - top + cluster.top() + cluster.side());
	}

	/**
	 * Adds the bridge from {@code from} to {@code to} across the columns between, as high
	 * as both where they overlap and else spanning both; {@code false} when it would
	 * cross a node.
	 */
	private static boolean bridge(Box from, Box to, List<List<LayoutNode>> columns, int fromColumn, int toColumn,
			List<Box> boxes) {
		double left = from.right();
		double right = to.x();
		if (right <= left) {
			return true;
		}
		double top = Math.max(from.y(), to.y());
		double bottom = Math.min(from.bottom(), to.bottom());
		if (bottom - top < LayoutCluster.LABEL_LINE) {
			top = Math.min(from.y(), to.y());
			bottom = Math.max(from.bottom(), to.bottom());
		}
		for (int c = fromColumn + 1; c < toColumn; c++) {
			for (LayoutNode node : columns.get(c)) {
				if (node.kind != LayoutNode.Kind.POINT
						&& new Box(left, top, right - left, bottom - top).intersects(node.x - node.footprint() / 2,
								node.y - node.above, node.x + node.footprint() / 2, node.y + node.below)) {
					return false;
				}
			}
		}
		boxes.add(new Box(left, top, right - left, bottom - top));
		return true;
	}

}
