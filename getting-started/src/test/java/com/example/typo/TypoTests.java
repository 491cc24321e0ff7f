package com.example.typo;

import org.junit.jupiter.api.Test;

import dev.fsm.test.WorkflowChecks;

import static org.assertj.core.api.Assertions.assertThat;

/** What the guide says the start-up answers to a typo in a condition. */
class TypoTests {

	@Test
	void aTypoInAConditionFailsTheStartUpWithTheFix() {
		assertThat(WorkflowChecks.of(TypoReport.class).problems()).containsExactly("Transition 'submit' of workflow"
				+ " 'TypoReport.state' has condition \"titel != null\" that reads titel, which TypoReport has no field or"
				+ " getter for: correct the name (did you mean 'title'?), or add a getter getTitel()");
	}

}
