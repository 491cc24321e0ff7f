package dev.fsm.test.example;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * An expense claim: its owner submits it, a manager approves or rejects it, accounting
 * pays it ({@link ClaimPayments}).
 */
@Entity
public class ExpenseClaim {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String owner;

	private long amount;

	private boolean receiptAttached;

	private String iban;

	private String comment;

	@StateField
	@Enumerated(EnumType.STRING)
	private ClaimState state = ClaimState.DRAFT;

	protected ExpenseClaim() {
	}

	public ExpenseClaim(String owner, long amount) {
		this.owner = owner;
		this.amount = amount;
	}

	@Transition(source = "DRAFT", target = "SUBMITTED", permission = "#entity.owner == authentication.name",
			conditions = { "amount > 0", "receiptAttached" })
	public String submit() {
		return "Submitted.";
	}

	@Transition(source = "SUBMITTED", target = "APPROVED", permission = "hasRole('MANAGER')")
	public void approve() {
	}

	@Transition(source = "SUBMITTED", target = "REJECTED", permission = "hasRole('MANAGER')",
			conditions = "#reason != null")
	public void reject(String reason) {
		this.comment = reason;
	}

	@Transition(source = "REJECTED", target = "DRAFT", permission = "#entity.owner == authentication.name")
	public void reopen() {
	}

	/**
	 * A guard that throws while the claim has no comment: the transition counts as not
	 * allowed.
	 */
	@Transition(source = "SUBMITTED", target = "SUBMITTED", conditions = "comment.length() > 0")
	public void remind() {
	}

	public Long getId() {
		return this.id;
	}

	public String getOwner() {
		return this.owner;
	}

	public long getAmount() {
		return this.amount;
	}

	public boolean isReceiptAttached() {
		return this.receiptAttached;
	}

	public String getComment() {
		return this.comment;
	}

	public String getIban() {
		return this.iban;
	}

	public ClaimState getState() {
		return this.state;
	}

	public ExpenseClaim withReceipt() {
		this.receiptAttached = true;
		return this;
	}

	public ExpenseClaim withIban(String iban) {
		this.iban = iban;
		return this;
	}

}
