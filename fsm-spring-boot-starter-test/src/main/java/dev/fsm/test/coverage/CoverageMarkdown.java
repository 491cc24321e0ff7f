package dev.fsm.test.coverage;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The readable report, {@code fsm-coverage.md}: one row per transition with its source
 * states, where its attempts started per outcome, and the source states it never
 * committed from.
 */
final class CoverageMarkdown {

	private CoverageMarkdown() {
	}

	static String render(CoverageData data, CoverageSummary summary) {
		StringBuilder markdown = new StringBuilder("# Transition coverage\n\n");
		markdown.append(summary.describe()).append("\n\n");
		markdown.append(
				"| workflow | transition | source states | committed | refused | failed | never committed from |\n");
		markdown.append("|---|---|---|---|---|---|---|\n");
		data.workflows().forEach((workflow, transitions) -> transitions.forEach((name, coverage) -> {
			Map<String, Long> committed = coverage.byState(CoverageOutcome.COMMITTED);
			markdown.append("| ")
				.append(cell(workflow))
				.append(" | ")
				.append(cell(name))
				.append(" | ")
				.append(cell(String.join(", ", coverage.sources())))
				.append(" | ")
				.append(committed.isEmpty() ? "never" : counts(committed))
				.append(" | ")
				.append(counts(coverage.byState(CoverageOutcome.REFUSED)))
				.append(" | ")
				.append(counts(coverage.byState(CoverageOutcome.FAILED)))
				.append(" | ")
				.append(cell(String.join(", ", coverage.neverCommittedFrom())))
				.append(" |\n");
		}));
		return markdown.toString();
	}

	/** {@code DRAFT 3, AUTHOR_REVIEW 1}: attempts per state they started in. */
	private static String counts(Map<String, Long> byState) {
		return cell(byState.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue())
			.collect(Collectors.joining(", ")));
	}

	private static String cell(String text) {
		return text.replace("|", "\\|");
	}

}
