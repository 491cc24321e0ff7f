package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The last step of the layered layout: the points each edge passes through. An edge
 * leaves its box on the side facing the way it goes and enters the other box on the
 * facing side; the ends on one side of a box are spread over its height in the order of
 * where they come from, so they do not cross at the box. Inside a column an edge runs
 * level (under its label, if that column holds it); it climbs or falls only in the gaps
 * between columns, where there are no boxes.
 */
final class EdgeRouting {

	/** A point of a route. */
	record Point(double x, double y) {
	}

	private final Map<List<LayoutNode>, double[]> ends = new IdentityHashMap<>();

	private EdgeRouting(List<List<LayoutNode>> chains) {
		Map<LayoutNode, List<List<LayoutNode>>> leaving = new IdentityHashMap<>();
		Map<LayoutNode, List<List<LayoutNode>>> entering = new IdentityHashMap<>();
		for (List<LayoutNode> chain : chains) {
			leaving.computeIfAbsent(chain.get(0), (node) -> new ArrayList<>()).add(chain);
			entering.computeIfAbsent(chain.get(chain.size() - 1), (node) -> new ArrayList<>()).add(chain);
			this.ends.put(chain, new double[2]);
		}
		leaving.forEach((node, side) -> spread(node, side, true));
		entering.forEach((node, side) -> spread(node, side, false));
	}

	/** The routes of {@code chains}, each from its first node to its last. */
	static Map<List<LayoutNode>, List<Point>> route(List<List<LayoutNode>> chains) {
		EdgeRouting routing = new EdgeRouting(chains);
		Map<List<LayoutNode>, List<Point>> routes = new IdentityHashMap<>();
		chains.forEach((chain) -> routes.put(chain, routing.points(chain)));
		return routes;
	}

	/** Spreads the ends on one side of {@code node} over its height. */
	private void spread(LayoutNode node, List<List<LayoutNode>> side, boolean leaving) {
		side.sort(Comparator.comparingDouble((List<LayoutNode> chain) -> neighbour(chain, leaving).y));
		int count = side.size();
		double spacing = (count > 1) ? Math.min(LayoutNode.PORT_SPACING, (node.boxHeight - 8) / (count - 1)) : 0;
		for (int i = 0; i < count; i++) {
			ends(side.get(i))[leaving ? 0 : 1] = node.y + (i - (count - 1) / 2.0) * spacing;
		}
	}

	/** The vertical positions of a chain's two ends, set for every chain routed. */
	private double[] ends(List<LayoutNode> chain) {
		return Objects.requireNonNull(this.ends.get(chain), "no ends for a chain");
	}

	private static LayoutNode neighbour(List<LayoutNode> chain, boolean leaving) {
		return chain.get(leaving ? 1 : chain.size() - 2);
	}

	private List<Point> points(List<LayoutNode> chain) {
		double[] ends = ends(chain);
		List<Point> points = new ArrayList<>();
		LayoutNode first = chain.get(0);
		add(points, first.x + first.width / 2, ends[0]);
		add(points, first.x + first.columnWidth / 2, ends[0]);
		for (LayoutNode node : chain.subList(1, chain.size() - 1)) {
			add(points, node.x - node.columnWidth / 2, node.y);
			add(points, node.x + node.columnWidth / 2, node.y);
		}
		LayoutNode last = chain.get(chain.size() - 1);
		add(points, last.x - last.columnWidth / 2, ends[1]);
		add(points, last.x - last.width / 2, ends[1]);
		return points;
	}

	private static void add(List<Point> points, double x, double y) {
		if (!points.isEmpty()) {
			Point previous = points.get(points.size() - 1);
			if (Math.abs(previous.x() - x) < 0.01 && Math.abs(previous.y() - y) < 0.01) {
				return;
			}
		}
		points.add(new Point(x, y));
	}

}
