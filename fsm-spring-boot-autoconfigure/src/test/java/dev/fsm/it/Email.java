package dev.fsm.it;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** String states, not declared; chaining through a flow bean; onError. */
@Entity
public class Email {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String recipient;

	private int attempts;

	@StateField
	private String state = "NEW";

	protected Email() {
	}

	public Email(String recipient) {
		this.recipient = recipient;
	}

	@Transition(source = "SENDING", target = "SENT")
	public void complete() {
	}

	@Transition(source = "SENDING", target = "ERROR")
	public void failed() {
	}

	@Transition(source = "NEW", target = "SENT", onError = "ERROR")
	public void deliver(boolean fail) {
		this.attempts++;
		if (fail) {
			throw new IllegalStateException("SMTP server refused " + this.recipient);
		}
	}

	@Transition(source = "ERROR", target = "NEW")
	public void retry() {
	}

	public Long getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public String getState() {
		return this.state;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public String getRecipient() {
		return this.recipient;
	}

}
