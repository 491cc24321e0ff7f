package dev.fsm.test.example;

import org.springframework.security.core.Authentication;

import dev.fsm.Transitions;
import dev.fsm.test.WorkflowAssertions;

/**
 * Expense claims in each state, moved there by real transitions of their users. Not a
 * component: tests {@code @Import} it, as they would any bean the slice leaves out.
 */
public class Claims {

	public static final Authentication OWNER = WorkflowAssertions.user("owner@example.com", "EMPLOYEE");

	public static final Authentication MANAGER = WorkflowAssertions.user("manager@example.com", "MANAGER");

	public static final Authentication ACCOUNTANT = WorkflowAssertions.user("accounting@example.com", "ACCOUNTANT");

	private final Transitions transitions;

	private final ClaimRepository repository;

	private final ClaimPayments payments;

	Claims(Transitions transitions, ClaimRepository repository, ClaimPayments payments) {
		this.transitions = transitions;
		this.repository = repository;
		this.payments = payments;
	}

	public ExpenseClaim draft() {
		return this.repository.save(new ExpenseClaim("owner@example.com", 120).withReceipt());
	}

	public ExpenseClaim submitted() {
		ExpenseClaim claim = draft();
		as(OWNER, () -> this.transitions.on(claim).submit());
		return claim;
	}

	public ExpenseClaim approved() {
		ExpenseClaim claim = submitted();
		as(MANAGER, () -> this.transitions.on(claim).approve());
		return claim;
	}

	public ExpenseClaim paid() {
		ExpenseClaim claim = approved().withIban("DE02120300000000202051");
		as(ACCOUNTANT, () -> this.payments.pay(claim));
		return claim;
	}

	private void as(Authentication user, Runnable transition) {
		this.transitions.runAs(user, () -> {
			transition.run();
			return null;
		});
	}

}
