package dev.fsm.diagram;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes SVG markup: elements with escaped attributes and text, numbers with at most one
 * decimal.
 */
final class SvgBuilder {

	private final StringBuilder out = new StringBuilder();

	/** Opens {@code <name attributes...>}; attributes alternate names and values. */
	SvgBuilder open(String name, Object... attributes) {
		start(name, attributes);
		this.out.append(">\n");
		return this;
	}

	/** Writes {@code <name attributes.../>}. */
	SvgBuilder empty(String name, Object... attributes) {
		start(name, attributes);
		this.out.append("/>\n");
		return this;
	}

	/** Writes {@code <name attributes...>text</name>}. */
	SvgBuilder text(String name, String text, Object... attributes) {
		start(name, attributes);
		this.out.append('>').append(escape(text)).append("</").append(name).append(">\n");
		return this;
	}

	SvgBuilder close(String name) {
		this.out.append("</").append(name).append(">\n");
		return this;
	}

	private void start(String name, Object... attributes) {
		this.out.append('<').append(name);
		for (int i = 0; i + 1 < attributes.length; i += 2) {
			Object value = attributes[i + 1];
			this.out.append(' ').append(attributes[i]).append("=\"");
			this.out.append((value instanceof Double number) ? number(number) : escape(String.valueOf(value)));
			this.out.append('"');
		}
	}

	static String number(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	static String escape(String text) {
		StringBuilder result = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> result.append("&amp;");
				case '<' -> result.append("&lt;");
				case '>' -> result.append("&gt;");
				case '"' -> result.append("&quot;");
				case '\'' -> result.append("&apos;");
				default -> {
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						result.append(c);
					}
				}
			}
		}
		return result.toString();
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

}
