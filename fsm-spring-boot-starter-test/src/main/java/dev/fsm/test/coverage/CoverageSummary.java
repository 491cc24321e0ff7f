package dev.fsm.test.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The totals of a coverage report. A transition counts as covered when at least one
 * attempt to fire it committed; refused and failed attempts are reported but do not cover
 * it.
 * <p>
 * Public for the Maven plugin, which reports and checks it.
 *
 * @param transitions the transitions of every workflow the tests loaded
 * @param covered the transitions that committed at least once
 * @param sourceStates the pairs of transition and source state
 * @param sourceStatesCovered the pairs that committed at least once
 * @param neverCommitted the transitions never committed, as {@code name (workflow)}
 */
public record CoverageSummary(int transitions, int covered, int sourceStates, int sourceStatesCovered,
		List<String> neverCommitted) {

	public CoverageSummary {
		neverCommitted = List.copyOf(neverCommitted);
	}

	static CoverageSummary of(CoverageData data) {
		int transitions = 0;
		int covered = 0;
		int sourceStates = 0;
		int sourceStatesCovered = 0;
		List<String> never = new ArrayList<>();
		for (var workflow : data.workflows().entrySet()) {
			for (var transition : workflow.getValue().entrySet()) {
				CoverageData.TransitionCoverage coverage = transition.getValue();
				transitions++;
				if (coverage.total(CoverageOutcome.COMMITTED) > 0) {
					covered++;
				}
				else {
					never.add(transition.getKey() + " (" + workflow.getKey() + ")");
				}
				sourceStates += coverage.sources().size();
				sourceStatesCovered += coverage.sources().size() - coverage.neverCommittedFrom().size();
			}
		}
		return new CoverageSummary(transitions, covered, sourceStates, sourceStatesCovered, never);
	}

	/** The share of transitions covered, 1 when there are none. */
	public double ratio() {
		return ratio(this.covered, this.transitions);
	}

	/** The share of source states covered, 1 when there are none. */
	public double sourceStateRatio() {
		return ratio(this.sourceStatesCovered, this.sourceStates);
	}

	/**
	 * One sentence:
	 * {@code 4 of 5 transitions committed at least once (80%), from 5 of 6 source
	 * states (83.3%).}
	 */
	public String describe() {
		return this.covered + " of " + this.transitions + " transitions committed at least once (" + percent(ratio())
				+ "), from " + this.sourceStatesCovered + " of " + this.sourceStates + " source states ("
				+ percent(sourceStateRatio()) + ").";
	}

	/**
	 * A ratio as a percentage, rounded down to one decimal so that a share just below a
	 * minimum never shows as equal to it: {@code 80%}, {@code 66.6%}.
	 */
	public static String percent(double ratio) {
		double tenths = Math.floor(ratio * 1000 + 1e-9) / 10;
		return (tenths == Math.rint(tenths)) ? String.format(Locale.ROOT, "%d%%", (long) tenths)
				: String.format(Locale.ROOT, "%.1f%%", tenths);
	}

	private static double ratio(int part, int whole) {
		return (whole == 0) ? 1.0 : (double) part / whole;
	}

}
