package dev.fsm.diagram;

/**
 * Estimates the width of text in Helvetica and its metric twins (Arial, Liberation Sans),
 * the fonts the SVG asks for, so the layout can size boxes without a font renderer.
 */
final class TextMetrics {

	/** Advance widths of the characters 32 to 126, in thousandths of the font size. */
	private static final int[] WIDTHS = { 278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
			278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722,
			722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
			667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
			556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 };

	/**
	 * Wide enough for most other scripts; the layout leaves padding around text anyway.
	 */
	private static final int OTHER_WIDTH = 760;

	/** Bold glyphs are a little wider. */
	private static final double BOLD_FACTOR = 1.08;

	private TextMetrics() {
	}

	static double width(String text, double fontSize, boolean bold) {
		double thousandths = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			thousandths += (c >= 32 && c <= 126) ? WIDTHS[c - 32] : OTHER_WIDTH;
		}
		return thousandths * fontSize / 1000 * (bold ? BOLD_FACTOR : 1);
	}

}
