package dev.fsm.test.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A small recursive-descent JSON parser for the coverage files: objects (as maps), arrays
 * (as lists), strings, numbers ({@code Long} or {@code Double}), {@code true},
 * {@code false} and {@code null}.
 */
final class JsonParser {

	private final String text;

	private int position;

	private JsonParser(String text) {
		this.text = text;
	}

	/**
	 * The value of a JSON document.
	 * @throws IllegalArgumentException naming the character where the text stops being
	 * JSON
	 */
	static @Nullable Object parse(String text) {
		return new JsonParser(text).document();
	}

	private @Nullable Object document() {
		Object value = value();
		skipWhitespace();
		if (this.position != this.text.length()) {
			throw error("unexpected text after the document");
		}
		return value;
	}

	private @Nullable Object value() {
		skipWhitespace();
		if (this.position >= this.text.length()) {
			throw error("unexpected end");
		}
		char c = this.text.charAt(this.position);
		return switch (c) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, @Nullable Object> object() {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		this.position++;
		skipWhitespace();
		if (peek('}')) {
			this.position++;
			return object;
		}
		while (true) {
			skipWhitespace();
			String key = string();
			skipWhitespace();
			expect(':');
			object.put(key, value());
			skipWhitespace();
			if (peek(',')) {
				this.position++;
				continue;
			}
			expect('}');
			return object;
		}
	}

	private List<@Nullable Object> array() {
		List<@Nullable Object> array = new ArrayList<>();
		this.position++;
		skipWhitespace();
		if (peek(']')) {
			this.position++;
			return array;
		}
		while (true) {
			array.add(value());
			skipWhitespace();
			if (peek(',')) {
				this.position++;
				continue;
			}
			expect(']');
			return array;
		}
	}

	private String string() {
		expect('"');
		StringBuilder value = new StringBuilder();
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position++);
			if (c == '"') {
				return value.toString();
			}
			if (c != '\\') {
				value.append(c);
				continue;
			}
			if (this.position >= this.text.length()) {
				break;
			}
			char escaped = this.text.charAt(this.position++);
			switch (escaped) {
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'b' -> value.append('\b');
				case 'f' -> value.append('\f');
				case 'u' -> {
					if (this.position + 4 > this.text.length()) {
						throw error("a \\u escape is cut short");
					}
					value.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
					this.position += 4;
				}
				default -> value.append(escaped);
			}
		}
		throw error("a string is not closed");
	}

	private Number number() {
		int start = this.position;
		while (this.position < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
		String number = this.text.substring(start, this.position);
		try {
			return (number.contains(".") || number.contains("e") || number.contains("E")) ? Double.parseDouble(number)
					: Long.parseLong(number);
		}
		catch (NumberFormatException ex) {
			throw error("unexpected '" + (number.isEmpty() ? this.text.charAt(start) : number) + "'");
		}
	}

	private @Nullable Object literal(String word, @Nullable Object value) {
		if (!this.text.startsWith(word, this.position)) {
			throw error("unexpected '" + this.text.charAt(this.position) + "'");
		}
		this.position += word.length();
		return value;
	}

	private void expect(char c) {
		if (this.position >= this.text.length()) {
			throw error("unexpected end");
		}
		if (!peek(c)) {
			throw error("expected '" + c + "'");
		}
		this.position++;
	}

	private boolean peek(char c) {
		return this.position < this.text.length() && this.text.charAt(this.position) == c;
	}

	private void skipWhitespace() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private IllegalArgumentException error(String problem) {
		return new IllegalArgumentException("Not a coverage file: " + problem + " at character " + this.position);
	}

}
