package dev.fsm.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says, in Spring Boot's start-up failure report, why an application with the workflow
 * API or console and without Spring Security does not start, and the two ways out.
 */
class UnprotectedWorkflowApiFailureAnalyzer extends AbstractFailureAnalyzer<UnprotectedWorkflowApiException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnprotectedWorkflowApiException cause) {
		return new FailureAnalysis(UnprotectedWorkflowApiException.DESCRIPTION, UnprotectedWorkflowApiException.ACTION,
				cause);
	}

}
