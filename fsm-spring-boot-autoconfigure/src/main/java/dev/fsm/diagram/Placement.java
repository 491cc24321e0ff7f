package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * The third step of the layered layout: coordinates. Each column is placed top to bottom
 * in its order; sweeps then pull every node towards the weighted mean height of its
 * neighbours (long edges weigh most, so they run straight) and solve the column exactly
 * under the minimum separation between neighbours, an isotonic regression. Columns are as
 * wide as their widest box, and the gap between two columns grows with the height the
 * edges crossing it climb, so curves stay gentle.
 */
final class Placement {

	static final double MARGIN = 20;

	private static final int SWEEPS = 10;

	/** Height differences below this are kinks to straighten, not intended curves. */
	private static final double KINK = 16;

	private Placement() {
	}

	/** Places every node; returns the drawing's width and height. */
	static double[] apply(List<List<LayoutNode>> columns) {
		columns.forEach((column) -> place(column, column.stream().mapToDouble((node) -> node.y).toArray()));
		for (int sweep = 0; sweep < SWEEPS; sweep++) {
			boolean forward = sweep % 2 == 0;
			boolean both = sweep >= SWEEPS - 2;
			for (int i = 0; i < columns.size(); i++) {
				List<LayoutNode> column = columns.get(forward ? i : columns.size() - 1 - i);
				place(column, desired(column, both || forward, both || !forward));
			}
		}
		straighten(columns);
		double top = Double.MAX_VALUE;
		double bottom = -Double.MAX_VALUE;
		for (List<LayoutNode> column : columns) {
			for (LayoutNode node : column) {
				top = Math.min(top, node.y - node.above);
				bottom = Math.max(bottom, node.y + node.below);
			}
		}
		double shift = MARGIN - top;
		columns.forEach((column) -> column.forEach((node) -> node.y += shift));
		return new double[] { placeColumns(columns), bottom + shift + MARGIN };
	}

	/**
	 * Removes the small kinks the averaging leaves: where an edge runs from a node's only
	 * end on one side to the next node's only end on the facing side and the two heights
	 * differ by a little, the node with fewer edges moves level with the other, if its
	 * column has room.
	 */
	private static void straighten(List<List<LayoutNode>> columns) {
		boolean moved = true;
		for (int pass = 0; moved && pass < 6; pass++) {
			moved = false;
			for (List<LayoutNode> column : columns) {
				for (LayoutNode node : column) {
					for (LayoutNode next : node.next) {
						double kink = Math.abs(next.y - node.y);
						if (node.next.size() == 1 && next.previous.size() == 1 && kink > 0.01 && kink < KINK) {
							boolean nodeMoves = degree(node) <= degree(next);
							moved |= nodeMoves ? (moveTo(columns, node, next.y) || moveTo(columns, next, node.y))
									: (moveTo(columns, next, node.y) || moveTo(columns, node, next.y));
						}
					}
				}
			}
		}
	}

	private static int degree(LayoutNode node) {
		return node.previous.size() + node.next.size();
	}

	private static boolean moveTo(List<List<LayoutNode>> columns, LayoutNode node, double y) {
		List<LayoutNode> column = columns.get(node.rank);
		int i = column.indexOf(node);
		if (i > 0 && y - column.get(i - 1).y < separation(column.get(i - 1), node)) {
			return false;
		}
		if (i + 1 < column.size() && column.get(i + 1).y - y < separation(node, column.get(i + 1))) {
			return false;
		}
		node.y = y;
		return true;
	}

	private static double[] desired(List<LayoutNode> column, boolean previous, boolean next) {
		double[] desired = new double[column.size()];
		for (int i = 0; i < desired.length; i++) {
			LayoutNode node = column.get(i);
			double sum = 0;
			double weights = 0;
			List<LayoutNode> neighbours = new ArrayList<>();
			if (previous) {
				neighbours.addAll(node.previous);
			}
			if (next) {
				neighbours.addAll(node.next);
			}
			for (LayoutNode neighbour : neighbours) {
				double weight = weight(node, neighbour);
				sum += weight * neighbour.y;
				weights += weight;
			}
			desired[i] = (weights > 0) ? sum / weights : node.y;
		}
		return desired;
	}

	/**
	 * Gansner's weights: an edge between two virtual nodes pulls hardest, keeping it
	 * straight.
	 */
	private static double weight(LayoutNode a, LayoutNode b) {
		if (a.isVirtual() && b.isVirtual()) {
			return 8;
		}
		return (a.isVirtual() || b.isVirtual()) ? 2 : 1;
	}

	/**
	 * Sets the heights of a column as close as possible (least squares) to
	 * {@code desired} while keeping its order and separations: pool adjacent violators on
	 * the heights minus the cumulative separations.
	 */
	private static void place(List<LayoutNode> column, double[] desired) {
		int n = column.size();
		double[] offsets = new double[n];
		for (int i = 1; i < n; i++) {
			offsets[i] = offsets[i - 1] + separation(column.get(i - 1), column.get(i));
		}
		double[] sums = new double[n];
		double[] weights = new double[n];
		int[] sizes = new int[n];
		int blocks = 0;
		for (int i = 0; i < n; i++) {
			double weight = 1 + column.get(i).previous.size() + column.get(i).next.size();
			sums[blocks] = weight * (desired[i] - offsets[i]);
			weights[blocks] = weight;
			sizes[blocks] = 1;
			blocks++;
			while (blocks > 1 && sums[blocks - 2] / weights[blocks - 2] >= sums[blocks - 1] / weights[blocks - 1]) {
				sums[blocks - 2] += sums[blocks - 1];
				weights[blocks - 2] += weights[blocks - 1];
				sizes[blocks - 2] += sizes[blocks - 1];
				blocks--;
			}
		}
		int i = 0;
		for (int block = 0; block < blocks; block++) {
			double level = sums[block] / weights[block];
			for (int k = 0; k < sizes[block]; k++, i++) {
				column.get(i).y = level + offsets[i];
			}
		}
	}

	private static double separation(LayoutNode upper, LayoutNode lower) {
		double gap;
		if (upper.kind == LayoutNode.Kind.LABEL || lower.kind == LayoutNode.Kind.LABEL) {
			gap = 8;
		}
		else if (upper.isVirtual() || lower.isVirtual()) {
			gap = (upper.isVirtual() && lower.isVirtual()) ? 12 : 16;
		}
		else {
			gap = 28;
		}
		return upper.below + gap + lower.above + ClusterLayout.gap(upper, lower);
	}

	/** Sets each column's centre; returns the drawing's width. */
	private static double placeColumns(List<List<LayoutNode>> columns) {
		double left = MARGIN;
		for (int i = 0; i < columns.size(); i++) {
			List<LayoutNode> column = columns.get(i);
			double width = column.stream().mapToDouble(LayoutNode::footprint).max().orElse(0);
			for (LayoutNode node : column) {
				node.x = left + width / 2;
				node.columnWidth = width;
			}
			left += width;
			if (i + 1 < columns.size()) {
				left += gapAfter(column);
			}
		}
		return left + MARGIN;
	}

	/**
	 * Room for the curves between this column and the next: more when they climb further.
	 */
	private static double gapAfter(List<LayoutNode> column) {
		double climb = 0;
		for (LayoutNode node : column) {
			for (LayoutNode next : node.next) {
				climb = Math.max(climb, Math.abs(next.y - node.y));
			}
		}
		return Math.max(32, Math.min(96, climb * 0.5));
	}

}
