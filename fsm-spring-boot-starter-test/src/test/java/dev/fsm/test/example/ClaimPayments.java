package dev.fsm.test.example;

import org.springframework.stereotype.Service;

import dev.fsm.Transition;

/**
 * A flow bean: accounting pays approved claims.
 */
@Service
public class ClaimPayments {

	@Transition(source = "APPROVED", target = "PAID", permission = "hasRole('ACCOUNTANT')")
	public void pay(ExpenseClaim claim) {
		if (claim.getIban() == null) {
			throw new IllegalStateException("Claim " + claim.getId() + " has no IBAN to pay to");
		}
	}

}
