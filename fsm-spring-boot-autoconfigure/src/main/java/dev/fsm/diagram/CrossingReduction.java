package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The second step of the layered layout: orders the nodes of each column to reduce edge
 * crossings. Alternate sweeps sort each column by the barycentre of its neighbours in the
 * column before (or after); a transposition pass then swaps adjacent nodes while that
 * removes crossings. The best ordering seen wins.
 */
final class CrossingReduction {

	private static final int ITERATIONS = 12;

	private CrossingReduction() {
	}

	static void apply(List<List<LayoutNode>> columns) {
		int best = crossings(columns);
		List<List<LayoutNode>> bestOrder = snapshot(columns);
		for (int iteration = 0; iteration < ITERATIONS && best > 0; iteration++) {
			boolean forward = iteration % 2 == 0;
			for (int i = 1; i < columns.size(); i++) {
				int column = forward ? i : columns.size() - 1 - i;
				sortByBarycentre(columns.get(column), forward ? (node) -> node.previous : (node) -> node.next);
			}
			transpose(columns);
			int crossings = crossings(columns);
			if (crossings < best) {
				best = crossings;
				bestOrder = snapshot(columns);
			}
		}
		for (int i = 0; i < columns.size(); i++) {
			columns.set(i, bestOrder.get(i));
			renumber(columns.get(i));
		}
	}

	/** Nodes with no neighbours on that side keep their places; the others are sorted. */
	private static void sortByBarycentre(List<LayoutNode> column, Function<LayoutNode, List<LayoutNode>> neighbours) {
		List<LayoutNode> movable = new ArrayList<>();
		for (LayoutNode node : column) {
			if (!neighbours.apply(node).isEmpty()) {
				movable.add(node);
			}
		}
		movable.sort(Comparator.comparingDouble((LayoutNode node) -> neighbours.apply(node)
			.stream()
			.mapToInt((neighbour) -> neighbour.order)
			.average()
			.orElse(node.order)));
		int next = 0;
		for (int i = 0; i < column.size(); i++) {
			if (!neighbours.apply(column.get(i)).isEmpty()) {
				column.set(i, movable.get(next++));
			}
		}
		renumber(column);
	}

	private static void transpose(List<List<LayoutNode>> columns) {
		boolean improved = true;
		for (int pass = 0; improved && pass < 8; pass++) {
			improved = false;
			for (List<LayoutNode> column : columns) {
				for (int i = 0; i + 1 < column.size(); i++) {
					LayoutNode upper = column.get(i);
					LayoutNode lower = column.get(i + 1);
					if (pairCrossings(lower, upper) < pairCrossings(upper, lower)) {
						column.set(i, lower);
						column.set(i + 1, upper);
						renumber(column);
						improved = true;
					}
				}
			}
		}
	}

	/**
	 * Crossings between the edges of two adjacent nodes when {@code upper} is above
	 * {@code lower}.
	 */
	private static int pairCrossings(LayoutNode upper, LayoutNode lower) {
		return pairCrossings(upper.previous, lower.previous) + pairCrossings(upper.next, lower.next);
	}

	private static int pairCrossings(List<LayoutNode> upperNeighbours, List<LayoutNode> lowerNeighbours) {
		int crossings = 0;
		for (LayoutNode a : upperNeighbours) {
			for (LayoutNode b : lowerNeighbours) {
				if (a.order > b.order) {
					crossings++;
				}
			}
		}
		return crossings;
	}

	static int crossings(List<List<LayoutNode>> columns) {
		int crossings = 0;
		for (List<LayoutNode> column : columns) {
			List<int[]> links = new ArrayList<>();
			for (LayoutNode node : column) {
				node.next.forEach((next) -> links.add(new int[] { node.order, next.order }));
			}
			for (int i = 0; i < links.size(); i++) {
				for (int j = i + 1; j < links.size(); j++) {
					if ((long) (links.get(i)[0] - links.get(j)[0]) * (links.get(i)[1] - links.get(j)[1]) < 0) {
						crossings++;
					}
				}
			}
		}
		return crossings;
	}

	private static List<List<LayoutNode>> snapshot(List<List<LayoutNode>> columns) {
		List<List<LayoutNode>> copy = new ArrayList<>();
		columns.forEach((column) -> copy.add(new ArrayList<>(column)));
		return copy;
	}

	private static void renumber(List<LayoutNode> column) {
		for (int i = 0; i < column.size(); i++) {
			column.get(i).order = i;
		}
	}

}
