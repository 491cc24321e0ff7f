package dev.fsm.audit.it;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** No {@code @Version}: nothing but the audit trail notices concurrent transitions. */
@Entity
public class Memo {

	enum State {

		DRAFT, SENT, ARCHIVED

	}

	@Id
	@GeneratedValue
	private Long id;

	/** A forced state waits at most half a second for the row lock a transition holds. */
	@StateField(lockTimeout = "500ms")
	@Enumerated(EnumType.STRING)
	private State state = State.DRAFT;

	@Transition(source = "DRAFT", target = "SENT")
	public void send() {
	}

	@Transition(source = "DRAFT", target = "ARCHIVED")
	public void archive() {
	}

	@Transition(source = "*")
	public void touch() {
	}

	Long getId() {
		return this.id;
	}

	State getState() {
		return this.state;
	}

}
