package dev.fsm.sample;

import org.junit.jupiter.api.Test;

import dev.fsm.test.WorkflowChecks;

/**
 * The declarations of the sample's workflows, checked without starting the application.
 */
class CaseReportWorkflowChecksTests {

	@Test
	void theCaseReportWorkflowEndsOnlyWhenRetracted() {
		WorkflowChecks.of(CaseReport.class).finalStates("RETRACTED").verify();
	}

	@Test
	void everyWorkflowOfTheApplicationIsSound() {
		WorkflowChecks.ofPackage("dev.fsm.sample").finalStates("RETRACTED").verify();
	}

}
