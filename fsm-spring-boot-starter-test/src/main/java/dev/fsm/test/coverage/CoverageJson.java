package dev.fsm.test.coverage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes and reads the coverage files: the file of one JVM (with the run it belongs to)
 * and the merged {@code fsm-coverage.json} (with the summary). Hand-written, because the
 * Maven plugin reads these files without a JSON library.
 */
final class CoverageJson {

	private CoverageJson() {
	}

	/** A coverage file as read: its run ({@code null} for a merged file) and its data. */
	record Parsed(@Nullable String run, CoverageData data) {
	}

	static String write(CoverageData data, @Nullable String run, @Nullable CoverageSummary summary) {
		StringBuilder json = new StringBuilder("{\n");
		if (run != null) {
			json.append("  \"run\": ").append(quote(run)).append(",\n");
		}
		if (summary != null) {
			json.append("  \"summary\": {\n");
			json.append("    \"transitions\": ").append(summary.transitions()).append(",\n");
			json.append("    \"covered\": ").append(summary.covered()).append(",\n");
			json.append("    \"ratio\": ").append(String.format(Locale.ROOT, "%.4f", summary.ratio())).append(",\n");
			json.append("    \"sourceStates\": ").append(summary.sourceStates()).append(",\n");
			json.append("    \"sourceStatesCovered\": ").append(summary.sourceStatesCovered()).append(",\n");
			json.append("    \"neverCommitted\": ").append(strings(summary.neverCommitted())).append("\n");
			json.append("  },\n");
		}
		json.append("  \"workflows\": [");
		Iterator<Map.Entry<String, Map<String, CoverageData.TransitionCoverage>>> workflows = data.workflows()
			.entrySet()
			.iterator();
		while (workflows.hasNext()) {
			var workflow = workflows.next();
			json.append("\n    {\n      \"name\": ").append(quote(workflow.getKey())).append(",\n");
			json.append("      \"transitions\": [");
			Iterator<Map.Entry<String, CoverageData.TransitionCoverage>> transitions = workflow.getValue()
				.entrySet()
				.iterator();
			while (transitions.hasNext()) {
				var transition = transitions.next();
				CoverageData.TransitionCoverage coverage = transition.getValue();
				json.append("\n        {\n          \"name\": ").append(quote(transition.getKey())).append(",\n");
				json.append("          \"sources\": ").append(strings(coverage.sources()));
				for (CoverageOutcome outcome : CoverageOutcome.values()) {
					json.append(",\n          ")
						.append(quote(outcome.key()))
						.append(": ")
						.append(counts(coverage.byState(outcome)));
				}
				json.append("\n        }").append(transitions.hasNext() ? "," : "\n      ");
			}
			json.append("]\n    }").append(workflows.hasNext() ? "," : "\n  ");
		}
		json.append("]\n}\n");
		return json.toString();
	}

	/**
	 * Reads a file written by {@link #write}.
	 * @throws IllegalArgumentException when the text is not such a file
	 */
	static Parsed read(String text) {
		Map<?, ?> root = asObject(JsonParser.parse(text), "the file");
		Object run = root.get("run");
		CoverageData data = new CoverageData();
		for (Object workflowValue : asArray(root.get("workflows"), "workflows")) {
			Map<?, ?> workflow = asObject(workflowValue, "a workflow");
			String workflowName = asString(workflow.get("name"), "a workflow name");
			for (Object transitionValue : asArray(workflow.get("transitions"), "transitions")) {
				Map<?, ?> transition = asObject(transitionValue, "a transition");
				String name = asString(transition.get("name"), "a transition name");
				List<String> sources = new ArrayList<>();
				for (Object source : asArray(transition.get("sources"), "sources")) {
					sources.add(asString(source, "a source state"));
				}
				data.declare(workflowName, name, sources);
				for (CoverageOutcome outcome : CoverageOutcome.values()) {
					Object counts = transition.get(outcome.key());
					if (counts == null) {
						continue;
					}
					asObject(counts, outcome.key()).forEach((state, count) -> {
						if (!(count instanceof Number number)) {
							throw new IllegalArgumentException("a count is not a number: " + count);
						}
						data.record(workflowName, name, String.valueOf(state), outcome, number.longValue());
					});
				}
			}
		}
		return new Parsed((run != null) ? asString(run, "the run") : null, data);
	}

	private static String strings(List<String> values) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < values.size(); i++) {
			json.append((i > 0) ? ", " : "").append(quote(values.get(i)));
		}
		return json.append(']').toString();
	}

	private static String counts(Map<String, Long> counts) {
		StringBuilder json = new StringBuilder("{");
		counts.forEach((state,
				count) -> json.append((json.length() > 1) ? ", " : "").append(quote(state)).append(": ").append(count));
		return json.append('}').toString();
	}

	static String quote(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	private static Map<?, ?> asObject(@Nullable Object value, String what) {
		if (value instanceof Map<?, ?> map) {
			return map;
		}
		throw new IllegalArgumentException(what + " is not a JSON object");
	}

	private static List<?> asArray(@Nullable Object value, String what) {
		if (value instanceof List<?> list) {
			return list;
		}
		throw new IllegalArgumentException(what + " is not a JSON array");
	}

	private static String asString(@Nullable Object value, String what) {
		if (value instanceof String string) {
			return string;
		}
		throw new IllegalArgumentException(what + " is not a JSON string");
	}

}
