package dev.fsm.diagram;

import java.util.List;

/**
 * Self-loops (transitions from a state to itself) sit on top of their state, nested when
 * there are several, with their labels stacked above; the state reserves that room.
 */
final class SelfLoops {

	static final double BASE_HEIGHT = 24;

	static final double STEP = 12;

	private SelfLoops() {
	}

	static void reserveRoom(LayoutNode state, List<LayoutEdge> loops) {
		int lines = loops.stream().mapToInt((loop) -> loop.labels().size()).sum();
		state.above += height(loops.size() - 1) + lines * LayoutNode.LABEL_LINE_HEIGHT + 6;
		state.loopWidth = loops.stream().mapToDouble(LayoutEdge::labelWidth).max().orElse(0) + 16;
	}

	/** The height of the {@code index}-th loop above the top of its state. */
	static double height(int index) {
		return BASE_HEIGHT + index * STEP;
	}

	/** Half the distance between the two ends of the {@code index}-th loop. */
	static double halfSpan(int index) {
		return 14 + index * 8;
	}

}
