package dev.fsm.test.example;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.fsm.Transitions;
import dev.fsm.test.autoconfigure.WorkflowTest;

import static dev.fsm.test.WorkflowAssertions.assertThat;
import static dev.fsm.test.WorkflowAssertions.history;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code assertThat(history(entity))}: the audit trail, oldest first, and who fired what.
 */
@WorkflowTest
@Import(Claims.class)
class EntityHistoryAssertTests {

	@Autowired
	Claims claims;

	@Autowired
	Transitions transitions;

	@Test
	void containsTransitionsInTheirOrderWithOthersBetween() {
		ExpenseClaim claim = this.claims.paid();
		assertThat(history(claim)).containsTransitions("submit", "pay")
			.containsTransitions("approve")
			.byActor("manager@example.com")
			.containsExactlyTransitions("submit", "approve", "pay");
	}

	@Test
	void containsTransitionsShowsTheHistory() {
		ExpenseClaim claim = this.claims.approved();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(history(claim)).containsTransitions("approve", "submit"))
			.withMessage("Expected the history of ExpenseClaim#" + claim.getId()
					+ " to contain the transitions [approve,"
					+ " submit] in this order, but it is [submit DRAFT -> SUBMITTED by owner@example.com, approve"
					+ " SUBMITTED -> APPROVED by manager@example.com]");
		ExpenseClaim draft = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(history(draft)).containsTransitions("submit"))
			.withMessage("Expected the history of ExpenseClaim#" + draft.getId()
					+ " to contain the transitions [submit]" + " in this order, but it is empty");
	}

	@Test
	void containsExactlyTransitionsShowsTheHistory() {
		ExpenseClaim claim = this.claims.approved();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(history(claim)).containsExactlyTransitions("submit"))
			.withMessage("Expected the history of ExpenseClaim#" + claim.getId() + " to be exactly the transitions"
					+ " [submit], but it is [submit DRAFT -> SUBMITTED by owner@example.com, approve SUBMITTED ->"
					+ " APPROVED by manager@example.com]");
	}

	@Test
	void byActorNamesTheRecordsOfOtherActors() {
		ExpenseClaim claim = this.claims.paid();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(history(claim)).containsTransitions("submit", "approve")
				.byActor("manager@example.com"))
			.withMessage("Expected the transitions [submit, approve] of ExpenseClaim#" + claim.getId()
					+ " to be fired by"
					+ " 'manager@example.com', but the history has [submit DRAFT -> SUBMITTED by owner@example.com]");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(history(claim)).byActor("owner@example.com"))
			.withMessage("Expected the transitions [submit, approve, pay] of ExpenseClaim#" + claim.getId() + " to be"
					+ " fired by 'owner@example.com', but the history has [approve SUBMITTED -> APPROVED by"
					+ " manager@example.com, pay APPROVED -> PAID by accounting@example.com]");
	}

	@Test
	void isEmptyShowsTheHistoryIncludingForcedStates() {
		ExpenseClaim draft = this.claims.draft();
		assertThat(history(draft)).isEmpty();
		this.transitions.runAs("migration", () -> {
			this.transitions.forceState(draft, "PAID", "imported from the old system");
			return null;
		});
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(history(draft)).isEmpty())
			.withMessage("Expected the history of ExpenseClaim#" + draft.getId() + " to be empty, but it is [(forced)"
					+ " DRAFT -> PAID by migration (FORCED)]");
	}

}
