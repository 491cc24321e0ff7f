package dev.fsm.operations;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.operations.StateCounts.Counted;

/**
 * Counts, per workflow, the rows whose stored state is not a declared state (NULL
 * included), with one {@code GROUP BY} per workflow: at start-up (once the singletons
 * exist, so a failure stops the start-up), and on demand for the Actuator endpoint and
 * the Maven goal.
 * <p>
 * Public because the auto-configuration creates it and the endpoint calls it.
 */
public final class StoredStateCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(StoredStateCheck.class);

	/** What the start-up does with undeclared stored states. */
	public enum Mode {

		/** Stop the start-up with {@link UndeclaredStoredStatesException}. */
		FAIL,

		/** Log the report as a warning and start. */
		WARN,

		/** Do not check at start-up (the endpoint and the Maven goal still do). */
		OFF

	}

	private final Transitions transitions;

	private final StateCounts counts;

	private final Mode mode;

	public StoredStateCheck(Transitions transitions, StateCounts counts, Mode mode) {
		this.transitions = transitions;
		this.counts = counts;
		this.mode = mode;
	}

	/** Checks every workflow stored in a column of its own. */
	public StoredStateReport check() {
		List<Counted> drifted = new ArrayList<>();
		List<String> checked = new ArrayList<>();
		List<String> unchecked = new ArrayList<>();
		for (Workflow workflow : this.transitions.workflows()) {
			if (!this.counts.counts(workflow)) {
				unchecked.add(workflow.name());
				continue;
			}
			Counted counted;
			try {
				counted = this.counts.count(workflow);
			}
			catch (RuntimeException ex) {
				// no table yet, no permission: the check says so and the start-up goes on
				logger
					.warn("Could not count the stored states of workflow " + workflow.name() + ": " + ex.getMessage());
				unchecked.add(workflow.name());
				continue;
			}
			checked.add(workflow.name());
			if (!counted.undeclared().isEmpty()) {
				drifted.add(counted);
			}
		}
		return new StoredStateReport(drifted, checked, unchecked);
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.mode == Mode.OFF) {
			return;
		}
		StoredStateReport report = check();
		if (report.isClean()) {
			logger.debug(report.message());
		}
		else if (this.mode == Mode.FAIL) {
			throw new UndeclaredStoredStatesException(report);
		}
		else {
			logger.warn(report.message()
					+ "\n\n(fsm.validation.stored-states=warn; set it to fail to stop the start-up instead)");
		}
	}

}
