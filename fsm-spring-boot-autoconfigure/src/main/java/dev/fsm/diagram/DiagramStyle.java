package dev.fsm.diagram;

/**
 * The colours and sizes shared by the SVG and DOT output, so both look alike.
 */
final class DiagramStyle {

	static final String FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', sans-serif";

	static final String BACKGROUND = "#ffffff";

	static final String STATE_FILL = "#f4f6fa";

	static final String STATE_STROKE = "#475569";

	static final String FINAL_FILL = "#e8ecf2";

	static final String TEXT = "#1e293b";

	static final String START_FILL = "#1e293b";

	static final String EDGE = "#475569";

	static final String LABEL = "#334155";

	static final String MUTED = "#64748b";

	static final String ERROR = "#c53030";

	static final String EMPHASIS = "#2563eb";

	static final String CURRENT_FILL = "#dbeafe";

	/** A state group's cluster: a tint behind its states, a quiet border and its name. */
	static final String GROUP_FILL = "#f8fafc";

	static final String GROUP_STROKE = "#94a3b8";

	static final String GROUP_TEXT = "#475569";

	static final double GROUP_FONT_SIZE = 12;

	static final double STATE_FONT_SIZE = 14;

	static final double LABEL_FONT_SIZE = 12;

	private DiagramStyle() {
	}

}
