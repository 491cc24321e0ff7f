package dev.fsm.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.fsm.operations.UndeclaredStoredStatesException;

/**
 * Prints the stored states no workflow declares, and their repair, in Spring Boot's
 * start-up failure report.
 */
class UndeclaredStoredStatesFailureAnalyzer extends AbstractFailureAnalyzer<UndeclaredStoredStatesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UndeclaredStoredStatesException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Repair the rows as shown above, declare the states again, or set fsm.validation.stored-states=warn"
						+ " to start all the same (during a rolling deployment that renames a state, for example).",
				cause);
	}

}
