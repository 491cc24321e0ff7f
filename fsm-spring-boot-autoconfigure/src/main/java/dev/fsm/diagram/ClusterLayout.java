package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fsm.Workflow;

/**
 * Makes room for state groups in the layered layout: every node knows the clusters it is
 * in (a state its groups, a point or label of an edge the groups both its ends are in),
 * each column keeps the nodes of a cluster together, and neighbours in a column are kept
 * apart by the border and name of every cluster one of them is in and the other is not. A
 * workflow without groups is laid out exactly as before.
 */
final class ClusterLayout {

	private ClusterLayout() {
	}

	/** The clusters of the model's groups, outer before inner. */
	static List<LayoutCluster> clusters(DiagramModel model) {
		List<LayoutCluster> clusters = new ArrayList<>();
		for (Workflow.Group group : model.groups()) {
			clusters.add(LayoutCluster.of(group, nested(group, model.groups())));
		}
		return clusters;
	}

	/** Gives every node of the graph the clusters it is in, outermost first. */
	static void assign(LayoutGraph graph, List<LayoutCluster> clusters) {
		if (clusters.isEmpty()) {
			return;
		}
		graph.states.forEach((state, node) -> node.clusters = of(state, clusters));
		for (LayoutEdge edge : graph.edges) {
			List<LayoutCluster> common = common(of(edge.source, clusters), of(edge.target, clusters));
			for (LayoutNode node : edge.chain) {
				if (node.isVirtual()) {
					node.clusters = common;
				}
			}
		}
	}

	/**
	 * Reorders each column so that the nodes of a cluster are neighbours: blocks, and
	 * nodes in none, in the mean order crossing reduction gave them.
	 */
	static void group(List<List<LayoutNode>> columns) {
		for (List<LayoutNode> column : columns) {
			List<LayoutNode> arranged = arrange(column, 0);
			column.clear();
			column.addAll(arranged);
			for (int i = 0; i < column.size(); i++) {
				column.get(i).order = i;
			}
		}
	}

	/**
	 * The room to add between two neighbours of a column: the side of the outermost
	 * cluster the upper one is in and the lower one not, and the top of the outermost
	 * cluster the lower one is in and the upper one not.
	 */
	static double gap(LayoutNode upper, LayoutNode lower) {
		List<LayoutCluster> above = upper.clusters;
		List<LayoutCluster> below = lower.clusters;
		if (above.isEmpty() && below.isEmpty()) {
			return 0;
		}
		int shared = common(above, below).size();
		return ((above.size() > shared) ? above.get(shared).side() : 0)
				+ ((below.size() > shared) ? below.get(shared).top() : 0);
	}

	private static List<LayoutNode> arrange(List<LayoutNode> nodes, int depth) {
		Map<Object, List<LayoutNode>> blocks = new LinkedHashMap<>();
		for (LayoutNode node : nodes) {
			Object key = (node.clusters.size() > depth) ? node.clusters.get(depth) : node;
			blocks.computeIfAbsent(key, (k) -> new ArrayList<>()).add(node);
		}
		List<Map.Entry<Object, List<LayoutNode>>> ordered = new ArrayList<>(blocks.entrySet());
		ordered.sort(Comparator.comparingDouble((Map.Entry<Object, List<LayoutNode>> block) -> block.getValue()
			.stream()
			.mapToInt((node) -> node.order)
			.average()
			.orElse(0)));
		List<LayoutNode> result = new ArrayList<>();
		for (Map.Entry<Object, List<LayoutNode>> block : ordered) {
			result.addAll((block.getKey() instanceof LayoutCluster) ? arrange(block.getValue(), depth + 1)
					: block.getValue());
		}
		return result;
	}

	private static List<LayoutCluster> of(String state, List<LayoutCluster> clusters) {
		return clusters.stream().filter((cluster) -> cluster.group().contains(state)).toList();
	}

	private static List<LayoutCluster> common(List<LayoutCluster> a, List<LayoutCluster> b) {
		int shared = 0;
		while (shared < a.size() && shared < b.size() && a.get(shared).equals(b.get(shared))) {
			shared++;
		}
		return a.subList(0, shared);
	}

	/** How many levels of groups nest inside {@code group}. */
	private static int nested(Workflow.Group group, List<Workflow.Group> groups) {
		int levels = 0;
		for (Workflow.Group child : groups) {
			if (Objects.equals(child.parent(), group.name())) {
				levels = Math.max(levels, 1 + nested(child, groups));
			}
		}
		return levels;
	}

}
