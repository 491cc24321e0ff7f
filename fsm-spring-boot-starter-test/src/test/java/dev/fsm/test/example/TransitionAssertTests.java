package dev.fsm.test.example;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.Transitions;
import dev.fsm.test.autoconfigure.WorkflowTest;

import static dev.fsm.test.WorkflowAssertions.assertThatTransition;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code assertThatTransition}: how an attempt ended, and what it did instead.
 */
@WorkflowTest
@Import(Claims.class)
class TransitionAssertTests {

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
	void succeeds() {
		ExpenseClaim claim = this.claims.draft();
		assertThatTransition(() -> this.transitions.on(claim).submit()).succeeds();
	}

	@Test
	@WithMockUser("owner@example.com")
	void succeedsShowsWhatTheTransitionThrew() {
		ExpenseClaim claim = this.claims.submitted();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatTransition(() -> this.transitions.on(claim).approve()).succeeds())
			.withMessage("Expected the transition to succeed, but it threw TransitionDeniedException: Transition"
					+ " 'approve' on ExpenseClaim#" + claim.getId() + " in state 'SUBMITTED' is denied to"
					+ " 'owner@example.com' (permission: hasRole('MANAGER'))");
	}

	@Test
	@WithMockUser(username = "accounting@example.com", roles = "ACCOUNTANT")
	void succeedsShowsAFailedBody() {
		ExpenseClaim claim = this.claims.approved();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatTransition(() -> this.payments.pay(claim)).succeeds())
			.withMessage("Expected the transition to succeed, but it threw IllegalStateException: Claim "
					+ claim.getId() + " has no IBAN to pay to");
	}

	@Test
	@WithMockUser("owner@example.com")
	void isDeniedForTheUserTheTestRunsAs() {
		ExpenseClaim claim = this.claims.submitted();
		assertThatTransition(() -> this.transitions.on(claim).approve()).isDenied().isDeniedFor("owner@example.com");
	}

	@Test
	@WithMockUser("owner@example.com")
	void isDeniedForNamesTheUserThatWasDenied() {
		ExpenseClaim claim = this.claims.submitted();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatTransition(() -> this.transitions.on(claim).approve())
				.isDeniedFor("manager@example.com"))
			.withMessage("Expected the transition to be denied to 'manager@example.com', but it was denied to"
					+ " 'owner@example.com': Transition 'approve' on ExpenseClaim#" + claim.getId()
					+ " in state 'SUBMITTED' is denied to 'owner@example.com' (permission: hasRole('MANAGER'))");
	}

	@Test
	@WithMockUser("owner@example.com")
	void isDeniedFailsWhenTheTransitionSucceedsOrIsRefusedForAnotherReason() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatTransition(() -> this.transitions.on(claim).submit()).isDenied())
			.withMessage("Expected the transition to be denied, but it succeeded");
		ExpenseClaim noReceipt = this.repository.save(new ExpenseClaim("owner@example.com", 120));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatTransition(() -> this.transitions.on(noReceipt).submit()).isDenied())
			.withMessage("Expected the transition to be denied, but it threw TransitionConditionException: Transition"
					+ " 'submit' is not allowed on ExpenseClaim#" + noReceipt.getId()
					+ " in state 'DRAFT': condition not met: receiptAttached");
	}

	@Test
	@WithMockUser("owner@example.com")
	void failsConditionChecksTheConditionsThatFailed() {
		ExpenseClaim empty = this.repository.save(new ExpenseClaim("owner@example.com", 0));
		assertThatTransition(() -> this.transitions.on(empty).submit()).failsCondition("receiptAttached")
			.failsCondition("amount > 0", "receiptAttached");
	}

	@Test
	@WithMockUser("owner@example.com")
	void failsConditionNamesTheConditionsThatFailedInstead() {
		ExpenseClaim noReceipt = this.repository.save(new ExpenseClaim("owner@example.com", 120));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(
				() -> assertThatTransition(() -> this.transitions.on(noReceipt).submit()).failsCondition("amount > 0"))
			.withMessage("Expected the transition to fail the condition 'amount > 0', but the conditions that failed"
					+ " are [receiptAttached]: Transition 'submit' is not allowed on ExpenseClaim#" + noReceipt.getId()
					+ " in state 'DRAFT': condition not met: receiptAttached");
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatTransition(() -> this.transitions.on(claim).submit())
				.failsCondition("amount > 0", "receiptAttached"))
			.withMessage("Expected the transition to fail the conditions [amount > 0, receiptAttached], but it"
					+ " succeeded");
	}

	@Test
	@WithMockUser("owner@example.com")
	void isNotAllowedFromTheStateTheEntityIsIn() {
		ExpenseClaim claim = this.claims.draft();
		assertThatTransition(() -> this.transitions.on(claim).approve()).isNotAllowedFrom(ClaimState.DRAFT)
			.isNotAllowedFrom("DRAFT");
	}

	@Test
	@WithMockUser("owner@example.com")
	void isNotAllowedFromNamesTheStateTheEntityWasIn() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatTransition(() -> this.transitions.on(claim).approve())
				.isNotAllowedFrom(ClaimState.REJECTED))
			.withMessage("Expected the transition not to be allowed from state 'REJECTED', but it was refused in state"
					+ " 'DRAFT': Transition 'approve' is not allowed from state 'DRAFT' on ExpenseClaim#"
					+ claim.getId() + " (allowed from: SUBMITTED)");
	}

	@Test
	@WithMockUser("owner@example.com")
	void isNotAllowedFromFailsForAnUnknownTransition() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatTransition(() -> this.transitions.fire(claim, "archive"))
				.isNotAllowedFrom(ClaimState.DRAFT))
			.withMessage("Expected the transition not to be allowed from state 'DRAFT', but it threw"
					+ " UnknownTransitionException: ExpenseClaim#" + claim.getId() + " has no transition 'archive'"
					+ " (transitions: submit, approve, reject, remind, pay, reopen)");
	}

}
