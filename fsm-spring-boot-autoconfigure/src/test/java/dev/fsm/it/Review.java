package dev.fsm.it;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A mapped superclass declaring the state field and transitions its subclasses inherit.
 */
@MappedSuperclass
public abstract class Review {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String trail = "";

	@StateField
	private String status = "OPEN";

	@Transition(source = "OPEN", target = "APPROVED")
	public void approve() {
		record("Review.approve in " + this.status);
	}

	@Transition(source = "APPROVED", target = "OPEN")
	public void reopen() {
		record("Review.reopen");
	}

	public Long getId() {
		return this.id;
	}

	public String getStatus() {
		return this.status;
	}

	public String getTrail() {
		return this.trail;
	}

	protected void record(String step) {
		this.trail = this.trail + step + ";";
	}

}
