package dev.fsm.test.example;

import java.security.Principal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.Transitions;
import dev.fsm.test.autoconfigure.WorkflowTest;

import static dev.fsm.test.WorkflowAssertions.assertThatEntity;
import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code assertThatEntity}: the state, and what a user may fire, with the reason when
 * not.
 */
@WorkflowTest
@Import(Claims.class)
class WorkflowEntityAssertTests {

	@Autowired
	Claims claims;

	@Autowired
	ClaimRepository repository;

	@Autowired
	Transitions transitions;

	@Test
	void isInComparesTheStateWithAnEnumConstantOrAName() {
		ExpenseClaim claim = this.claims.draft();
		assertThatEntity(claim).isIn(ClaimState.DRAFT)
			.isIn("DRAFT")
			.isIn(ClaimState.DRAFT, ClaimState.SUBMITTED)
			.isNotIn(ClaimState.PAID);
	}

	@Test
	void isInNamesTheStateTheEntityIsIn() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).isIn(ClaimState.APPROVED))
			.withMessage("Expected ExpenseClaim#" + claim.getId()
					+ " to be in state 'APPROVED', but it is in state 'DRAFT'");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).isIn(ClaimState.APPROVED, ClaimState.PAID))
			.withMessage("Expected ExpenseClaim#" + claim.getId()
					+ " to be in one of the states [APPROVED, PAID], but it is in state 'DRAFT'");
	}

	@Test
	void isInGroupComparesTheStateWithTheStatesOfAGroup() {
		ExpenseClaim claim = this.claims.submitted();
		assertThatEntity(claim).isInGroup("OPEN");
		ExpenseClaim paid = this.claims.paid();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatEntity(paid).isInGroup("OPEN"))
			.withMessage("Expected ExpenseClaim#" + paid.getId()
					+ " to be in group 'OPEN' [DRAFT, SUBMITTED, APPROVED], but it is in state 'PAID'");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> assertThatEntity(paid).isInGroup("CLOSED"))
			.withMessage("Workflow 'ExpenseClaim.state' has no state group 'CLOSED' [OPEN]");
	}

	@Test
	void isNotInNamesTheStateTheEntityIsIn() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).isNotIn(ClaimState.DRAFT))
			.withMessage("Expected ExpenseClaim#" + claim.getId() + " not to be in state 'DRAFT', but it is");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).isNotIn(ClaimState.DRAFT, ClaimState.SUBMITTED))
			.withMessage("Expected ExpenseClaim#" + claim.getId()
					+ " not to be in any of the states [DRAFT, SUBMITTED], but it is in state 'DRAFT'");
	}

	@Test
	void namesAnEntityNeverSavedAndTheEntityBehindAView() {
		ExpenseClaim unsaved = new ExpenseClaim("owner@example.com", 5);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(unsaved).isIn(ClaimState.PAID))
			.withMessage("Expected ExpenseClaim (unsaved) to be in state 'PAID', but it is in state 'DRAFT'");
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(this.transitions.on(claim)).isIn(ClaimState.PAID))
			.withMessage(
					"Expected ExpenseClaim#" + claim.getId() + " to be in state 'PAID', but it is in state 'DRAFT'");
	}

	@Test
	void keepsTheDescriptionOfAssertJ() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).as("the new claim").isIn(ClaimState.PAID))
			.withMessage("[the new claim] Expected ExpenseClaim#" + claim.getId()
					+ " to be in state 'PAID', but it is in state 'DRAFT'");
	}

	@Test
	@WithMockUser("owner@example.com")
	void canFireChecksTheCurrentUserOfTheTest() {
		ExpenseClaim claim = this.claims.draft();
		assertThatEntity(claim).canFire("submit").cannotFire("approve").cannotFire("reopen");
	}

	@Test
	void canFireChecksTheUserGivenWithAs() {
		ExpenseClaim claim = this.claims.submitted();
		assertThatEntity(claim).as(user("manager@example.com", "MANAGER"))
			.canFire("approve")
			.canFire("reject")
			.as(user("owner@example.com"))
			.cannotFire("approve");
	}

	@Test
	void asUserIsAsByTheNameKotlinCallsWithoutBackticks() {
		ExpenseClaim claim = this.claims.submitted();
		assertThatEntity(claim).asUser(user("manager@example.com", "MANAGER"))
			.canFire("approve")
			.asUser(user("owner@example.com"))
			.cannotFire("approve");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).asUser(user("owner@example.com")).canFire("approve"))
			.withMessageStartingWith("Expected 'owner@example.com' to be able to fire 'approve' on ExpenseClaim#");
	}

	@Test
	@WithMockUser("owner@example.com")
	void canFireNamesTheStatesATransitionStartsFrom() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatEntity(claim).canFire("approve"))
			.withMessage("Expected 'owner@example.com' to be able to fire 'approve' on ExpenseClaim#" + claim.getId()
					+ " in state 'DRAFT', but 'approve' is allowed only from SUBMITTED");
	}

	@Test
	@WithMockUser("owner@example.com")
	void canFireNamesTheConditionsThatFail() {
		ExpenseClaim noReceipt = this.repository.save(new ExpenseClaim("owner@example.com", 120));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatEntity(noReceipt).canFire("submit"))
			.withMessage("Expected 'owner@example.com' to be able to fire 'submit' on ExpenseClaim#" + noReceipt.getId()
					+ " in state 'DRAFT', but its condition is not met: receiptAttached");
		ExpenseClaim empty = this.repository.save(new ExpenseClaim("owner@example.com", 0));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatEntity(empty).canFire("submit"))
			.withMessage("Expected 'owner@example.com' to be able to fire 'submit' on ExpenseClaim#" + empty.getId()
					+ " in state 'DRAFT', but its conditions are not met: amount > 0; receiptAttached");
	}

	@Test
	void canFireNamesThePermissionThatDenies() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).as(user("manager@example.com", "MANAGER")).canFire("submit"))
			.withMessage("Expected 'manager@example.com' to be able to fire 'submit' on ExpenseClaim#" + claim.getId()
					+ " in state 'DRAFT', but its permission denies it: #entity.owner == authentication.name");
		ExpenseClaim approved = this.claims.approved();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(approved).as(user("manager@example.com", "MANAGER")).canFire("pay"))
			.withMessage("Expected 'manager@example.com' to be able to fire 'pay' on ExpenseClaim#" + approved.getId()
					+ " in state 'APPROVED', but its permission denies it: hasRole('ACCOUNTANT')");
	}

	@Test
	void canFireChecksAnonymousWhenNobodyIsLoggedIn() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatEntity(claim).canFire("submit"))
			.withMessage("Expected anonymous to be able to fire 'submit' on ExpenseClaim#" + claim.getId()
					+ " in state 'DRAFT', but its permission denies it: #entity.owner == authentication.name");
	}

	@Test
	void aPrincipalThatIsNoAuthenticationHasItsNameButNoRoles() {
		ExpenseClaim claim = this.claims.submitted();
		Principal manager = () -> "manager@example.com";
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).as(manager).canFire("approve"))
			.withMessage("Expected 'manager@example.com' to be able to fire 'approve' on ExpenseClaim#" + claim.getId()
					+ " in state 'SUBMITTED', but its permission denies it: hasRole('MANAGER')");
	}

	@Test
	void canFireReportsAGuardThatThrows() {
		ExpenseClaim claim = this.claims.submitted();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).as(user("manager@example.com", "MANAGER")).canFire("remind"))
			.withMessage("Expected 'manager@example.com' to be able to fire 'remind' on ExpenseClaim#" + claim.getId()
					+ " in state 'SUBMITTED', but evaluating its guard failed: comment.length() > 0: EL1011E: Method call:"
					+ " Attempted to call method length() on null context object");
	}

	@Test
	void cannotFireFailsWhenTheUserMay() {
		ExpenseClaim claim = this.claims.submitted();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).as(user("manager@example.com", "MANAGER")).cannotFire("approve"))
			.withMessage("Expected 'manager@example.com' not to be able to fire 'approve' on ExpenseClaim#"
					+ claim.getId() + " in state 'SUBMITTED', but it is allowed");
	}

	@Test
	void aTransitionWhoseGuardsReadItsArgumentsIsPossibleUntilFired() {
		ExpenseClaim claim = this.claims.submitted();
		assertThatEntity(claim).as(user("manager@example.com", "MANAGER")).canFire("reject");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatEntity(claim).as(user("manager@example.com", "MANAGER")).cannotFire("reject"))
			.withMessage("Expected 'manager@example.com' not to be able to fire 'reject' on ExpenseClaim#"
					+ claim.getId()
					+ " in state 'SUBMITTED', but it is allowed as far as it can be checked without the method's"
					+ " arguments (checked when fired: #reason != null)");
	}

	@Test
	@WithMockUser("owner@example.com")
	void anUnknownTransitionFailsWithTheTransitionsThereAre() {
		ExpenseClaim claim = this.claims.draft();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatEntity(claim).canFire("archive"))
			.withMessage("Expected 'owner@example.com' to be able to fire 'archive' on ExpenseClaim#" + claim.getId()
					+ ", but ExpenseClaim has no transition 'archive' (transitions: submit, approve, reject, remind, pay,"
					+ " reopen)");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatEntity(claim).cannotFire("archive"))
			.withMessage("Expected 'owner@example.com' not to be able to fire 'archive' on ExpenseClaim#"
					+ claim.getId()
					+ ", but ExpenseClaim has no transition 'archive' (transitions: submit, approve, reject, remind, pay,"
					+ " reopen)");
	}

}
