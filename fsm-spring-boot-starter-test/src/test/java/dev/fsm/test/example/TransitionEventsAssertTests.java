package dev.fsm.test.example;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.Transitions;
import dev.fsm.test.autoconfigure.WorkflowTest;

import static dev.fsm.test.WorkflowAssertions.assertThatEvents;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code assertThatEvents}: the transition events a block published, in order.
 */
@WorkflowTest
@Import(Claims.class)
class TransitionEventsAssertTests {

	@Autowired
	Claims claims;

	@Autowired
	ClaimRepository repository;

	@Autowired
	ClaimPayments payments;

	@Autowired
	Transitions transitions;

	@Test
	@WithMockUser("owner@example.com")
	void aCommittedTransitionPublishesPreThenPost() {
		ExpenseClaim claim = this.claims.draft();
		assertThatEvents(() -> this.transitions.on(claim).submit()).containsExactly("pre submit",
				"post submit DRAFT -> SUBMITTED");
	}

	@Test
	@WithMockUser(username = "accounting@example.com", roles = "ACCOUNTANT")
	void aFailedTransitionPublishesPreThenFailed() {
		ExpenseClaim claim = this.claims.approved();
		assertThatEvents(() -> this.payments.pay(claim)).containsExactly("pre pay",
				"failed pay APPROVED -> PAID by accounting@example.com");
	}

	@Test
	@WithMockUser("owner@example.com")
	void aRefusedTransitionPublishesNothing() {
		ExpenseClaim noReceipt = this.repository.save(new ExpenseClaim("owner@example.com", 120));
		assertThatEvents(() -> this.transitions.on(noReceipt).submit()).isEmpty();
	}

	@Test
	@WithMockUser("owner@example.com")
	void showsWhatTheBlockPublishedAndThrew() {
		ExpenseClaim noReceipt = this.repository.save(new ExpenseClaim("owner@example.com", 120));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEvents(() -> this.transitions.on(noReceipt).submit())
				.containsExactly("pre submit", "post submit"))
			.withMessage("Expected the block to publish the transition events [pre submit, post submit], but it"
					+ " published [] and threw TransitionConditionException: Transition 'submit' is not allowed on"
					+ " ExpenseClaim#" + noReceipt.getId() + " in state 'DRAFT': condition not met: receiptAttached");
	}

	@Test
	@WithMockUser(username = "accounting@example.com", roles = "ACCOUNTANT")
	void showsTheEventsInFull() {
		ExpenseClaim claim = this.claims.approved();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEvents(() -> this.payments.pay(claim)).containsExactly("pre pay", "post pay"))
			.withMessage("Expected the block to publish the transition events [pre pay, post pay], but it published"
					+ " [pre pay APPROVED -> PAID by accounting@example.com, failed pay APPROVED -> PAID by"
					+ " accounting@example.com] and threw IllegalStateException: Claim " + claim.getId()
					+ " has no IBAN to pay to");
	}

	@Test
	@WithMockUser("owner@example.com")
	void isEmptyShowsTheEventsPublished() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEvents(() -> this.transitions.on(claim).submit()).isEmpty())
			.withMessage("Expected the block to publish no transition events, but it published [pre submit DRAFT ->"
					+ " SUBMITTED by owner@example.com, post submit DRAFT -> SUBMITTED by owner@example.com]");
	}

	@Test
	@WithMockUser("owner@example.com")
	void recordsOnlyTheEventsOfTheBlock() {
		ExpenseClaim first = this.claims.draft();
		ExpenseClaim second = this.claims.draft();
		this.transitions.on(first).submit();
		assertThatEvents(() -> this.transitions.on(second).submit()).containsExactly("pre submit", "post submit");
	}

}
