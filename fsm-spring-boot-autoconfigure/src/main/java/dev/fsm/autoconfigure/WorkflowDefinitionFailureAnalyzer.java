package dev.fsm.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.fsm.WorkflowDefinitionException;

/**
 * Prints the problems of a {@link WorkflowDefinitionException} in Spring Boot's start-up
 * failure report.
 */
class WorkflowDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<WorkflowDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WorkflowDefinitionException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the @StateField and @Transition declarations listed above; each names the class, method and"
						+ " attribute at fault.",
				cause);
	}

}
