package dev.fsm.audit.it;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.TransitionContext;

/** A Long id, generated; {@code @Version}; an {@code onError} state. */
@Entity
public class SupportTicket {

	enum State {

		NEW, OPEN, ASSIGNED, CLOSED, BROKEN

	}

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String title;

	private boolean failEscalation;

	@StateField
	@Enumerated(EnumType.STRING)
	private State state = State.NEW;

	protected SupportTicket() {
	}

	SupportTicket(String title) {
		this.title = title;
	}

	@Transition(source = "NEW", target = "OPEN", description = "Opened by the reporter")
	public void open() {
	}

	@Transition(source = "OPEN", target = "ASSIGNED")
	public void assign(String assignee) {
		TransitionContext.describe("Assigned to " + assignee);
	}

	@Transition(source = "ASSIGNED", target = "CLOSED")
	public void close() {
	}

	@Transition(source = "CLOSED", target = "OPEN")
	public void reopen() {
	}

	@Transition(source = "OPEN", target = "ASSIGNED", onError = "BROKEN")
	public void escalate() {
		if (this.failEscalation) {
			throw new IllegalStateException("No one is on call");
		}
	}

	@Transition(source = "BROKEN", target = "OPEN")
	public void repair() {
	}

	Long getVersion() {
		return this.version;
	}

	Long getId() {
		return this.id;
	}

	State getState() {
		return this.state;
	}

	void failEscalation() {
		this.failEscalation = true;
	}

}
