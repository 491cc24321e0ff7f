package dev.fsm.metamodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A compiled {@code @StateField(readFilter = ..)}: a JPQL condition on the entity
 * {@code e} whose {@code :#{..}} parameters became named parameters, each with its
 * expression compiled once. The HTTP API adds it to its list and count queries for users
 * who do not read all.
 * <p>
 * Public because the HTTP API queries with it.
 */
public final class ReadFilter {

	/** The prefix of the parameters that replace the {@code :#{..}} expressions. */
	public static final String PARAMETER_PREFIX = "fsmRead";

	private final String declared;

	private final String jpql;

	private final Map<String, UserExpression> parameters;

	private ReadFilter(String declared, String jpql, Map<String, UserExpression> parameters) {
		this.declared = declared;
		this.jpql = jpql;
		this.parameters = Collections.unmodifiableMap(parameters);
	}

	/**
	 * Replaces each {@code :#{expression}} of {@code declared} by a named parameter and
	 * compiles its expression.
	 * @throws IllegalArgumentException when an expression is not closed or does not parse
	 * @throws IllegalStateException when expressions about the user cannot be evaluated
	 * here
	 */
	static ReadFilter compile(String declared, Function<String, UserExpression> compiler) {
		StringBuilder jpql = new StringBuilder();
		Map<String, UserExpression> parameters = new LinkedHashMap<>();
		int from = 0;
		int start = declared.indexOf(":#{");
		while (start >= 0) {
			int end = closingBrace(declared, start + 3);
			if (end < 0) {
				throw new IllegalArgumentException("the parameter at " + start + " has no closing '}'");
			}
			String expression = declared.substring(start + 3, end).trim();
			if (expression.isEmpty()) {
				throw new IllegalArgumentException("the parameter at " + start + " is empty");
			}
			String name = PARAMETER_PREFIX + parameters.size();
			parameters.put(name, compiler.apply(expression));
			jpql.append(declared, from, start).append(':').append(name);
			from = end + 1;
			start = declared.indexOf(":#{", from);
		}
		jpql.append(declared.substring(from));
		return new ReadFilter(declared, jpql.toString(), parameters);
	}

	/**
	 * The index of the brace that closes the expression starting at {@code from},
	 * skipping quoted text.
	 */
	private static int closingBrace(String text, int from) {
		int depth = 0;
		@Nullable Character quote = null;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != null) {
				if (c == quote) {
					quote = null;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				if (depth == 0) {
					return i;
				}
				depth--;
			}
		}
		return -1;
	}

	/** The condition as declared. */
	public String declared() {
		return this.declared;
	}

	/**
	 * The condition with named parameters ({@value #PARAMETER_PREFIX}0, ..) for the
	 * expressions.
	 */
	public String jpql() {
		return this.jpql;
	}

	/** The names of its parameters, in the order they appear. */
	public List<String> parameterNames() {
		return new ArrayList<>(this.parameters.keySet());
	}

	/** The value of each parameter for the current user. */
	public Map<String, @Nullable Object> values() {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		this.parameters.forEach((name, expression) -> values.put(name, expression.value()));
		return values;
	}

	@Override
	public String toString() {
		return this.declared;
	}

}
