package dev.fsm.test.coverage;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;

/**
 * The coverage of one JVM, across every Spring test context it starts: the workflows they
 * know and the attempts their transitions saw.
 */
final class CoverageRecorder {

	private static final CoverageRecorder JVM = new CoverageRecorder();

	private final CoverageData data = new CoverageData();

	/** The recorder of this JVM. */
	static CoverageRecorder jvm() {
		return JVM;
	}

	/** Makes every transition of {@code workflow} known, fired or not. */
	synchronized void declare(Workflow workflow) {
		for (String name : workflow.transitionNames()) {
			Set<String> sources = new LinkedHashSet<>();
			for (TransitionRoute route : workflow.transitions(name)) {
				sources.addAll(route.sources());
			}
			this.data.declare(workflow.name(), name, sources);
		}
	}

	/**
	 * Counts one attempt that started in {@code state} ({@code null}: a NULL state
	 * field).
	 */
	synchronized void record(Workflow workflow, String transition, @Nullable String state, CoverageOutcome outcome) {
		if (Transitions.FORCED.equals(transition)) {
			return;
		}
		declare(workflow);
		this.data.record(workflow.name(), transition, (state != null) ? state : "NULL", outcome);
	}

	synchronized CoverageData snapshot() {
		return this.data.copy();
	}

}
