package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fsm.diagram.EdgeRouting.Point;

/**
 * Draws a {@link DiagramModel} as a standalone SVG image, laid out left to right in
 * columns ({@link LayoutGraph}, {@link CrossingReduction}, {@link Placement},
 * {@link EdgeRouting}). A dot with an arrow marks the initial state, final states have a
 * double border, edges to an {@code onError} state are dashed and red, and a highlight
 * fills the current state and draws the emphasised transitions bold and blue while the
 * others fade.
 * <p>
 * Every state is a {@code g} element with a {@code data-state} attribute, every edge one
 * with {@code data-source} and {@code data-target} holding a {@code text} per transition
 * with a {@code data-transition} attribute, so pages and tests can find them. Colours are
 * presentation attributes, not CSS, so the image looks the same inlined in any page.
 */
final class SvgRenderer {

	private static final double CORNER = 10;

	String render(DiagramModel model) {
		LayoutGraph graph = LayoutGraph.of(model);
		List<LayoutCluster> clusters = ClusterLayout.clusters(model);
		ClusterLayout.assign(graph, clusters);
		CrossingReduction.apply(graph.columns);
		ClusterLayout.group(graph.columns);
		double[] placed = Placement.apply(graph.columns);
		List<ClusterShapes.Shape> shapes = ClusterShapes.of(clusters, graph.columns);
		// left, top, width, height: clusters may reach beyond the placed nodes
		double[] view = ClusterShapes.bounds(placed, shapes);
		List<List<LayoutNode>> chains = new ArrayList<>(graph.startChains);
		graph.edges.forEach((edge) -> chains.add(edge.chain));
		Map<List<LayoutNode>, List<Point>> routes = EdgeRouting.route(chains);

		String ids = "fsm-" + model.name().replaceAll("[^A-Za-z0-9_-]", "-") + "-";
		SvgBuilder svg = new SvgBuilder();
		svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", view[2], "height", view[3], "viewBox",
				SvgBuilder.number(view[0]) + " " + SvgBuilder.number(view[1]) + " " + SvgBuilder.number(view[2]) + " "
						+ SvgBuilder.number(view[3]),
				"role", "img", "font-family", DiagramStyle.FONT_FAMILY, "data-workflow", model.name());
		svg.text("title", "Workflow " + model.name());
		markers(svg, ids);
		if (view[0] == 0 && view[1] == 0) {
			svg.empty("rect", "width", view[2], "height", view[3], "fill", DiagramStyle.BACKGROUND);
		}
		else {
			svg.empty("rect", "x", view[0], "y", view[1], "width", view[2], "height", view[3], "fill",
					DiagramStyle.BACKGROUND);
		}
		ClusterShapes.draw(svg, shapes);
		svg.open("g", "data-layer", "edges");
		svg.empty("circle", "cx", graph.start.x, "cy", graph.start.y, "r", 7.0, "fill", DiagramStyle.START_FILL,
				"data-start", "true");
		for (List<LayoutNode> chain : graph.startChains) {
			path(svg, Objects.requireNonNull(routes.get(chain)), DiagramStyle.EDGE, 1.4, false, ids + "arrow");
		}
		for (LayoutEdge edge : graph.edges) {
			edge(svg, model, edge, Objects.requireNonNull(routes.get(edge.chain)), ids);
		}
		graph.loops.forEach((state, loops) -> loops(svg, model, graph.node(state), loops, ids));
		svg.close("g");
		svg.open("g", "data-layer", "states");
		graph.states.values().forEach((node) -> state(svg, node));
		svg.close("g");
		svg.close("svg");
		return svg.toString();
	}

	private static void markers(SvgBuilder svg, String ids) {
		svg.open("defs");
		marker(svg, ids + "arrow", DiagramStyle.EDGE);
		marker(svg, ids + "arrow-muted", DiagramStyle.MUTED);
		marker(svg, ids + "arrow-emphasis", DiagramStyle.EMPHASIS);
		marker(svg, ids + "arrow-error", DiagramStyle.ERROR);
		svg.close("defs");
	}

	private static void marker(SvgBuilder svg, String id, String color) {
		svg.open("marker", "id", id, "viewBox", "0 0 10 10", "refX", 10.0, "refY", 5.0, "markerWidth", 10.0,
				"markerHeight", 10.0, "markerUnits", "userSpaceOnUse", "orient", "auto");
		svg.empty("path", "d", "M0,1 L10,5 L0,9 Z", "fill", color);
		svg.close("marker");
	}

	private static void edge(SvgBuilder svg, DiagramModel model, LayoutEdge edge, List<Point> route, String ids) {
		List<Point> points = new ArrayList<>(route);
		if (edge.reversed) {
			java.util.Collections.reverse(points);
		}
		open(svg, edge);
		Look look = Look.of(model, edge.error, edge.emphasised());
		path(svg, points, look.color, look.width, edge.error, ids + look.marker);
		edge.chain.stream()
			.filter((node) -> node.kind == LayoutNode.Kind.LABEL)
			.forEach((label) -> labels(svg, model, edge, label.x, label.y - 5));
		svg.close("g");
	}

	private static void loops(SvgBuilder svg, DiagramModel model, LayoutNode state, List<LayoutEdge> loops,
			String ids) {
		double top = state.y - state.boxHeight / 2;
		double labelBaseline = top - SelfLoops.height(loops.size() - 1) - 6;
		for (int i = loops.size() - 1; i >= 0; i--) {
			LayoutEdge loop = loops.get(i);
			double half = SelfLoops.halfSpan(i);
			double rise = SelfLoops.height(i) * 4 / 3;
			open(svg, loop);
			Look look = Look.of(model, loop.error, loop.emphasised());
			svg.empty("path", "d",
					"M" + xy(state.x - half, top) + " C" + xy(state.x - half - 8, top - rise) + " "
							+ xy(state.x + half + 8, top - rise) + " " + xy(state.x + half, top),
					"fill", "none", "stroke", look.color, "stroke-width", look.width, "stroke-dasharray",
					loop.error ? "6 4" : "none", "marker-end", "url(#" + ids + look.marker + ")");
			labels(svg, model, loop, state.x, labelBaseline);
			labelBaseline -= loop.labels().size() * LayoutNode.LABEL_LINE_HEIGHT;
			svg.close("g");
		}
	}

	private static void open(SvgBuilder svg, LayoutEdge edge) {
		svg.open("g", "data-source", edge.source, "data-target", edge.target, "data-kind",
				edge.error ? "error" : "transition", "data-emphasised", edge.emphasised());
		StringBuilder title = new StringBuilder();
		edge.labels().forEach((label) -> title.append(title.isEmpty() ? "" : ", ").append(label.transition()));
		svg.text("title", title + ": " + edge.source + " → " + edge.target);
	}

	/** The edge's labels, one line each, the last line's baseline at {@code baseline}. */
	private static void labels(SvgBuilder svg, DiagramModel model, LayoutEdge edge, double x, double baseline) {
		List<DiagramModel.Edge> labels = edge.labels();
		for (int i = 0; i < labels.size(); i++) {
			DiagramModel.Edge label = labels.get(i);
			Look look = Look.of(model, label.error(), label.emphasised());
			svg.text("text", label.label(), "x", x, "y",
					baseline - (labels.size() - 1 - i) * LayoutNode.LABEL_LINE_HEIGHT, "text-anchor", "middle",
					"font-size", DiagramStyle.LABEL_FONT_SIZE, "font-weight", label.emphasised() ? "bold" : "normal",
					"fill", look.text, "stroke", DiagramStyle.BACKGROUND, "stroke-width", 3.0, "paint-order", "stroke",
					"data-transition", label.transition());
		}
	}

	/** A smooth path through {@code points}, level at every point. */
	private static void path(SvgBuilder svg, List<Point> points, String color, double width, boolean dashed,
			String marker) {
		StringBuilder d = new StringBuilder("M" + xy(points.get(0).x(), points.get(0).y()));
		for (int i = 1; i < points.size(); i++) {
			Point from = points.get(i - 1);
			Point to = points.get(i);
			if (Math.abs(from.y() - to.y()) < 0.05) {
				d.append(" L").append(xy(to.x(), to.y()));
			}
			else {
				double middle = (from.x() + to.x()) / 2;
				d.append(" C")
					.append(xy(middle, from.y()))
					.append(' ')
					.append(xy(middle, to.y()))
					.append(' ')
					.append(xy(to.x(), to.y()));
			}
		}
		svg.empty("path", "d", d.toString(), "fill", "none", "stroke", color, "stroke-width", width, "stroke-dasharray",
				dashed ? "6 4" : "none", "marker-end", "url(#" + marker + ")");
	}

	private static void state(SvgBuilder svg, LayoutNode node) {
		DiagramModel.State state = Objects.requireNonNull(node.state, "the start node has no state");
		double left = node.x - node.width / 2;
		double top = node.y - node.boxHeight / 2;
		svg.open("g", "data-state", state.name(), "data-initial", state.initial(), "data-final", state.terminal(),
				"data-current", state.current());
		String fill = state.current() ? DiagramStyle.CURRENT_FILL
				: (state.terminal() ? DiagramStyle.FINAL_FILL : DiagramStyle.STATE_FILL);
		String stroke = state.current() ? DiagramStyle.EMPHASIS : DiagramStyle.STATE_STROKE;
		double strokeWidth = state.current() ? 2.5 : 1.5;
		svg.empty("rect", "x", left, "y", top, "width", node.width, "height", node.boxHeight, "rx", CORNER, "fill",
				fill, "stroke", stroke, "stroke-width", strokeWidth);
		if (state.terminal()) {
			svg.empty("rect", "x", left + 4, "y", top + 4, "width", node.width - 8, "height", node.boxHeight - 8, "rx",
					CORNER - 3, "fill", "none", "stroke", stroke, "stroke-width", 1.0);
		}
		if (!state.label().equals(state.name())) {
			svg.text("title", state.name());
		}
		svg.text("text", state.label(), "x", node.x, "y", node.y + 5, "text-anchor", "middle", "font-size",
				DiagramStyle.STATE_FONT_SIZE, "font-weight", "bold", "fill", DiagramStyle.TEXT);
		svg.close("g");
	}

	private static String xy(double x, double y) {
		return SvgBuilder.number(x) + "," + SvgBuilder.number(y);
	}

	/** How an edge or label is painted. */
	private record Look(String color, String text, double width, String marker) {

		static Look of(DiagramModel model, boolean error, boolean emphasised) {
			if (error) {
				return new Look(DiagramStyle.ERROR, DiagramStyle.ERROR, 1.4, "arrow-error");
			}
			if (emphasised) {
				return new Look(DiagramStyle.EMPHASIS, DiagramStyle.EMPHASIS, 2.4, "arrow-emphasis");
			}
			if (model.highlighted()) {
				return new Look(DiagramStyle.MUTED, DiagramStyle.MUTED, 1.4, "arrow-muted");
			}
			return new Look(DiagramStyle.EDGE, DiagramStyle.LABEL, 1.4, "arrow");
		}

	}

}
