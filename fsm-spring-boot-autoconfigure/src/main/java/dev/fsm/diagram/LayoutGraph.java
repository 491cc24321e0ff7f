package dev.fsm.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The first step of the layered layout: states and edges as nodes in columns. Cycles are
 * broken by laying out each back edge of a depth-first search from the initial state
 * reversed; each state's column is the longest path to it from the start dot; an edge
 * spanning several columns passes through one invisible node per column, one of which
 * carries its label, so labels take room like boxes and never cover them.
 */
final class LayoutGraph {

	final LayoutNode start = LayoutNode.start();

	final Map<String, LayoutNode> states = new LinkedHashMap<>();

	final List<LayoutEdge> edges = new ArrayList<>();

	/** Self-loops, by state. */
	final Map<String, List<LayoutEdge>> loops = new LinkedHashMap<>();

	final List<List<LayoutNode>> columns = new ArrayList<>();

	/** The chains from the start dot to the initial state. */
	final List<List<LayoutNode>> startChains = new ArrayList<>();

	private LayoutGraph() {
	}

	static LayoutGraph of(DiagramModel model) {
		LayoutGraph graph = new LayoutGraph();
		model.states().forEach((state) -> graph.states.put(state.name(), LayoutNode.state(state)));
		graph.collectEdges(model);
		graph.reverseBackEdges(model);
		graph.assignColumns();
		graph.buildChains();
		return graph;
	}

	private void collectEdges(DiagramModel model) {
		Map<List<Object>, LayoutEdge> merged = new LinkedHashMap<>();
		for (DiagramModel.Edge edge : model.edges()) {
			merged.computeIfAbsent(List.of(edge.source(), edge.target(), edge.error()),
					(key) -> new LayoutEdge(edge.source(), edge.target(), edge.error())).labels
				.add(edge);
		}
		for (LayoutEdge edge : merged.values()) {
			if (edge.isLoop()) {
				this.loops.computeIfAbsent(edge.source, (state) -> new ArrayList<>()).add(edge);
			}
			else {
				this.edges.add(edge);
			}
		}
		this.loops.forEach((state, loops) -> SelfLoops.reserveRoom(node(state), loops));
	}

	/** The node of a state of the model: every state has one. */
	LayoutNode node(String state) {
		return Objects.requireNonNull(this.states.get(state), state);
	}

	/** Depth-first from the initial state, then from every state not reached yet. */
	private void reverseBackEdges(DiagramModel model) {
		Map<String, List<LayoutEdge>> outgoing = new HashMap<>();
		this.edges.forEach((edge) -> outgoing.computeIfAbsent(edge.source, (s) -> new ArrayList<>()).add(edge));
		Set<String> visited = new HashSet<>();
		Set<String> onPath = new HashSet<>();
		List<String> roots = new ArrayList<>();
		model.states().stream().filter(DiagramModel.State::initial).forEach((s) -> roots.add(s.name()));
		this.states.keySet().stream().filter((s) -> !hasIncoming(s)).forEach(roots::add);
		roots.addAll(this.states.keySet());
		for (String root : roots) {
			visit(root, outgoing, visited, onPath);
		}
	}

	private void visit(String state, Map<String, List<LayoutEdge>> outgoing, Set<String> visited, Set<String> onPath) {
		if (!visited.add(state)) {
			return;
		}
		onPath.add(state);
		for (LayoutEdge edge : outgoing.getOrDefault(state, List.of())) {
			if (onPath.contains(edge.target)) {
				edge.reversed = true;
			}
			else {
				visit(edge.target, outgoing, visited, onPath);
			}
		}
		onPath.remove(state);
	}

	private boolean hasIncoming(String state) {
		return this.edges.stream().anyMatch((edge) -> edge.target.equals(state));
	}

	/**
	 * Longest path from the start dot, in topological order; every other column holds
	 * labels.
	 */
	private void assignColumns() {
		Map<LayoutNode, List<LayoutNode>> successors = new LinkedHashMap<>();
		Map<LayoutNode, Integer> incoming = new HashMap<>();
		successors.put(this.start, new ArrayList<>());
		this.states.values().forEach((node) -> successors.put(node, new ArrayList<>()));
		this.states.values().stream().filter(LayoutGraph::isInitial).forEach((initial) -> {
			successors.get(this.start).add(initial);
			incoming.merge(initial, 1, Integer::sum);
		});
		for (LayoutEdge edge : this.edges) {
			LayoutNode from = node(edge.reversed ? edge.target : edge.source);
			LayoutNode to = node(edge.reversed ? edge.source : edge.target);
			Objects.requireNonNull(successors.get(from)).add(to);
			incoming.merge(to, 1, Integer::sum);
		}
		Deque<LayoutNode> ready = new ArrayDeque<>();
		successors.keySet().stream().filter((node) -> !incoming.containsKey(node)).forEach(ready::add);
		int last = 0;
		while (!ready.isEmpty()) {
			LayoutNode node = ready.poll();
			for (LayoutNode successor : Objects.requireNonNull(successors.get(node))) {
				successor.rank = Math.max(successor.rank, node.rank + 2);
				if (incoming.merge(successor, -1, Integer::sum) == 0) {
					ready.add(successor);
				}
			}
			last = Math.max(last, node.rank);
		}
		for (int rank = 0; rank <= last; rank++) {
			this.columns.add(new ArrayList<>());
		}
	}

	private void buildChains() {
		add(this.start);
		this.states.values().forEach(this::add);
		this.states.values()
			.stream()
			.filter(LayoutGraph::isInitial)
			.forEach((state) -> this.startChains.add(chain(this.start, state, null)));
		for (LayoutEdge edge : this.edges) {
			LayoutNode from = node(edge.reversed ? edge.target : edge.source);
			LayoutNode to = node(edge.reversed ? edge.source : edge.target);
			edge.chain.addAll(chain(from, to, edge));
		}
		for (LayoutNode state : this.states.values()) {
			state.fitEnds(Math.max(state.previous.size(), state.next.size()));
		}
	}

	/**
	 * The nodes from {@code from} to {@code to}, one per column; the middle gap's one is
	 * the label.
	 */
	private List<LayoutNode> chain(LayoutNode from, LayoutNode to, @Nullable LayoutEdge edge) {
		List<LayoutNode> chain = new ArrayList<>();
		chain.add(from);
		int gaps = (to.rank - from.rank) / 2;
		int labelRank = from.rank + 1 + 2 * (gaps / 2);
		for (int rank = from.rank + 1; rank < to.rank; rank++) {
			LayoutNode node = (edge != null && rank == labelRank) ? LayoutNode.label(edge) : LayoutNode.point(edge);
			node.rank = rank;
			add(node);
			chain.add(node);
		}
		chain.add(to);
		for (int i = 1; i < chain.size(); i++) {
			chain.get(i - 1).next.add(chain.get(i));
			chain.get(i).previous.add(chain.get(i - 1));
		}
		return chain;
	}

	private static boolean isInitial(LayoutNode node) {
		return node.state != null && node.state.initial();
	}

	private void add(LayoutNode node) {
		List<LayoutNode> column = this.columns.get(node.rank);
		node.order = column.size();
		column.add(node);
	}

}
