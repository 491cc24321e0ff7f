package dev.fsm.test.coverage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * After every test JVM has finished: merges their coverage files into the reports and
 * checks the minimum ({@code fsm.test.coverage.minimum}).
 * <p>
 * Public for the Maven plugin, which runs it in the {@code verify} phase.
 */
public final class CoverageCheck {

	/** The property of the minimum share of transitions that tests must commit. */
	public static final String MINIMUM = "fsm.test.coverage.minimum";

	private final CoverageDirectory directory;

	/**
	 * @param buildDirectory the directory the test JVMs wrote to, {@code target}
	 */
	public CoverageCheck(Path buildDirectory) {
		this.directory = new CoverageDirectory(buildDirectory);
	}

	/**
	 * Merges the files of the newest run into {@code fsm-coverage.json} and
	 * {@code fsm-coverage.md}.
	 * @return the summary, empty when no test recorded coverage
	 */
	public Optional<CoverageSummary> report() throws IOException {
		return this.directory.mergeNewestRun();
	}

	/** The readable report. */
	public Path markdownReport() {
		return this.directory.markdownReport();
	}

	/**
	 * Why {@code summary} fails the minimum, or empty when it meets it.
	 * @param minimum a ratio ({@code 0.8}) or a percentage ({@code 80%}, or {@code 80})
	 * @throws IllegalArgumentException when {@code minimum} is neither
	 */
	public Optional<String> failure(CoverageSummary summary, String minimum) {
		double required = parseMinimum(minimum);
		if (summary.ratio() >= required - 1e-9) {
			return Optional.empty();
		}
		return Optional
			.of("Transition coverage is " + CoverageSummary.percent(summary.ratio()) + " (" + summary.covered() + " of "
					+ summary.transitions() + " transitions committed at least once), below the minimum of "
					+ CoverageSummary.percent(required) + " (" + MINIMUM + "); never committed: "
					+ String.join(", ", summary.neverCommitted()) + ". See " + markdownReport());
	}

	/**
	 * A minimum as a ratio between 0 and 1: {@code 0.8}, {@code 80%} and {@code 80} are
	 * 0.8; {@code 1} is 1.
	 */
	static double parseMinimum(String minimum) {
		String text = minimum.strip();
		boolean percent = text.endsWith("%");
		double value;
		try {
			value = Double.parseDouble(percent ? text.substring(0, text.length() - 1).strip() : text);
		}
		catch (NumberFormatException ex) {
			throw invalid(minimum);
		}
		double ratio = (percent || value > 1) ? value / 100 : value;
		if (Double.isNaN(ratio) || ratio < 0 || ratio > 1) {
			throw invalid(minimum);
		}
		return ratio;
	}

	private static IllegalArgumentException invalid(String minimum) {
		return new IllegalArgumentException(String.format(Locale.ROOT,
				"%s must be a ratio (0.8) or a percentage (80%%) between 0 and 100%%, not '%s'", MINIMUM, minimum));
	}

}
