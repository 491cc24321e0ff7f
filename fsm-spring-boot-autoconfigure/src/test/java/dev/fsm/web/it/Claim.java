package dev.fsm.web.it;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.fsm.StateField;
import dev.fsm.StateGroup;
import dev.fsm.Transition;

/**
 * An insurance claim: arguments and their constraints, a permission, a condition, a
 * dynamic target, and read rules: claimants read (and list) their own claims.
 */
@Entity
public class Claim {

	public enum State {

		FILED, ASSESSED, APPROVED, REJECTED, PAID

	}

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String claimant;

	private BigDecimal amount;

	private String note;

	/**
	 * Claimants read their own claims; adjusters read all of them (fsm.web.read-all in
	 * the tests).
	 */
	@StateField(readPermission = "#entity.claimant == authentication.name",
			readFilter = "e.claimant = :#{authentication.name}", searchable = { "claimant", "note", "amount" })
	@StateGroup(value = "OPEN", states = { "FILED", "ASSESSED" })
	@StateGroup(value = "DECIDED", states = { "APPROVED", "REJECTED", "PAID" })
	@Enumerated(EnumType.STRING)
	private State state = State.FILED;

	protected Claim() {
	}

	public Claim(String claimant) {
		this.claimant = claimant;
	}

	public Claim(String claimant, String note) {
		this.claimant = claimant;
		this.note = note;
	}

	@Transition(source = "FILED", target = "ASSESSED", permission = "hasRole('ADJUSTER')", label = "Assess",
			description = "An adjuster sets the amount", properties = { "api=true", "button=primary" })
	public String assess(@PositiveOrZero BigDecimal amount, @NotBlank @Size(max = 200) String note) {
		this.amount = amount;
		this.note = note;
		return "Assessed at " + amount;
	}

	@Transition(source = "ASSESSED", target = { "APPROVED", "REJECTED" }, conditions = "amount != null",
			properties = "api=true")
	public State decide(boolean approve) {
		return approve ? State.APPROVED : State.REJECTED;
	}

	/** Returns PAID when asked to: a bug the API must answer as one, not hide. */
	@Transition(source = "REJECTED", target = { "FILED", "ASSESSED" })
	public State appeal(boolean straightToPaid) {
		return straightToPaid ? State.PAID : State.FILED;
	}

	@Transition(source = "APPROVED", target = "PAID", conditions = "amount.signum() > 0")
	public void pay() {
	}

	/** A permission and a condition: who may not fire it learns only that. */
	@Transition(source = "ASSESSED", target = "APPROVED", permission = "hasRole('SUPERVISOR')",
			conditions = "amount != null and amount.signum() > 0")
	public void fastTrack() {
	}

	public Long getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public String getNote() {
		return this.note;
	}

	public State getState() {
		return this.state;
	}

	public String getClaimant() {
		return this.claimant;
	}

}
