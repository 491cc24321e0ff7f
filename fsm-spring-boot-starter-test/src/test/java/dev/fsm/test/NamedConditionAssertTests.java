package dev.fsm.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fsm.TransitionConditionException;

import static dev.fsm.test.WorkflowAssertions.assertThatTransition;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code failsCondition} takes the name of a {@code @Condition} as well as an expression.
 */
class NamedConditionAssertTests {

	private final TransitionConditionException refused = new TransitionConditionException(
			"Transition 'publish' is not allowed on Memo#1 in state 'AUTHOR_REVIEW': condition not met: authorApproved"
					+ " (approved)",
			Object.class, 1L, "publish", "AUTHOR_REVIEW", List.of("approved"), List.of("authorApproved"),
			"The author has not approved the latest text.");

	@Test
	void failsConditionTakesTheNameOrTheExpression() {
		assertThatTransition(() -> {
			throw this.refused;
		}).failsCondition("authorApproved").failsCondition("approved");
	}

	@Test
	void anotherNameFails() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatTransition(() -> {
			throw this.refused;
		}).failsCondition("hasTitle"))
			.withMessage("Expected the transition to fail the condition 'hasTitle', but the conditions that failed are"
					+ " [authorApproved]: Transition 'publish' is not allowed on Memo#1 in state 'AUTHOR_REVIEW': condition"
					+ " not met: authorApproved (approved)");
	}

}
