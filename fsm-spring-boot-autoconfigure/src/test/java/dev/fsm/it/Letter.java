package dev.fsm.it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * No {@code @Version}, an assigned id, declared String states: the entity of the
 * lost-update, unknown-state, {@code onError} and query tests.
 */
@Entity
public class Letter {

	@Id
	private String code;

	private String recipient;

	@StateField(states = { "DRAFT", "SENT", "ARCHIVED", "RETURNED" })
	private String state = "DRAFT";

	protected Letter() {
	}

	public Letter(String code, String recipient) {
		this.code = code;
		this.recipient = recipient;
	}

	@Transition(source = "DRAFT", target = "SENT", onError = "RETURNED")
	public void send(boolean bounce) {
		this.recipient = this.recipient + " (tried)";
		if (bounce) {
			throw new IllegalStateException("bounced: " + this.recipient);
		}
	}

	@Transition(source = "DRAFT", target = "ARCHIVED", permission = "@letterPolicy.mayArchive(#entity)")
	public void archive() {
	}

	@Transition(source = "DRAFT", target = "SENT", conditions = "#address.contains('@')")
	public void forward(String address) {
		this.recipient = address;
	}

	@Transition(source = "+", target = "DRAFT")
	public void redraft() {
	}

	@Transition(source = "*")
	public void inspect(boolean fail) {
		if (fail) {
			throw new IllegalStateException("inspection failed");
		}
	}

	public String getCode() {
		return this.code;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public String getState() {
		return this.state;
	}

}
