package dev.fsm.test.coverage;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the tests did with each transition of each workflow: its source states and, per
 * outcome, how many attempts started from which state. Workflows are ordered by name,
 * transitions in the order they were declared. Not thread-safe: {@link CoverageRecorder}
 * guards the one of a JVM.
 */
final class CoverageData {

	private final Map<String, Map<String, TransitionCoverage>> workflows = new TreeMap<>();

	/** Makes a transition known, so that it is reported even when no test fired it. */
	void declare(String workflow, String transition, Collection<String> sources) {
		transition(workflow, transition).sources.addAll(sources);
	}

	/** Counts one attempt that started in {@code state}. */
	void record(String workflow, String transition, String state, CoverageOutcome outcome) {
		record(workflow, transition, state, outcome, 1);
	}

	/** Counts {@code count} attempts that started in {@code state}. */
	void record(String workflow, String transition, String state, CoverageOutcome outcome, long count) {
		transition(workflow, transition).add(outcome, state, count);
	}

	/** Adds the transitions and counts of {@code other} to these. */
	void merge(CoverageData other) {
		other.workflows.forEach((workflow, transitions) -> transitions.forEach((name, coverage) -> {
			TransitionCoverage mine = transition(workflow, name);
			mine.sources.addAll(coverage.sources);
			coverage.counts
				.forEach((outcome, byState) -> byState.forEach((state, count) -> mine.add(outcome, state, count)));
		}));
	}

	CoverageData copy() {
		CoverageData copy = new CoverageData();
		copy.merge(this);
		return copy;
	}

	boolean isEmpty() {
		return this.workflows.isEmpty();
	}

	/** Workflow name to transition name to coverage, read-only. */
	Map<String, Map<String, TransitionCoverage>> workflows() {
		return Collections.unmodifiableMap(this.workflows);
	}

	private TransitionCoverage transition(String workflow, String transition) {
		return this.workflows.computeIfAbsent(workflow, (w) -> new LinkedHashMap<>())
			.computeIfAbsent(transition, (t) -> new TransitionCoverage());
	}

	/** One transition: its source states and the attempts per outcome and state. */
	static final class TransitionCoverage {

		private final Set<String> sources = new LinkedHashSet<>();

		private final Map<CoverageOutcome, Map<String, Long>> counts = new EnumMap<>(CoverageOutcome.class);

		/** The states it starts from, in declaration order. */
		List<String> sources() {
			return List.copyOf(this.sources);
		}

		/**
		 * The attempts with this outcome, per state they started in, in the order first
		 * seen.
		 */
		Map<String, Long> byState(CoverageOutcome outcome) {
			return Collections.unmodifiableMap(this.counts.getOrDefault(outcome, Map.of()));
		}

		long total(CoverageOutcome outcome) {
			return byState(outcome).values().stream().mapToLong(Long::longValue).sum();
		}

		/** The source states no attempt committed from. */
		List<String> neverCommittedFrom() {
			Map<String, Long> committed = byState(CoverageOutcome.COMMITTED);
			return this.sources.stream().filter((source) -> !committed.containsKey(source)).toList();
		}

		void add(CoverageOutcome outcome, String state, long count) {
			this.counts.computeIfAbsent(outcome, (o) -> new LinkedHashMap<>()).merge(state, count, Long::sum);
		}

	}

}
