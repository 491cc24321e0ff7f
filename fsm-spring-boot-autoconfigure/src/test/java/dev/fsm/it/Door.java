package dev.fsm.it;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * Written the way a hurried user would: a public setter on the state field, a transition
 * body that assigns the state itself. The library must not let either store a state.
 */
@Entity
public class Door {

	public enum State {

		CLOSED, OPEN, LOCKED

	}

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String label;

	@StateField(startStates = "LOCKED")
	@Enumerated(EnumType.STRING)
	private State state = State.CLOSED;

	protected Door() {
	}

	public Door(String label) {
		this.label = label;
	}

	public Door(String label, State state) {
		this.label = label;
		this.state = state;
	}

	@Transition(source = "CLOSED", target = "OPEN")
	public void open() {
	}

	@Transition(source = "OPEN", target = "CLOSED")
	public void close() {
	}

	@Transition(source = "CLOSED", target = "LOCKED")
	public void lock() {
	}

	/** Assigns the state in its body instead of chaining a transition. */
	@Transition(source = "CLOSED", target = "OPEN")
	public void slam() {
		this.state = State.LOCKED;
	}

	@Transition(source = "LOCKED", target = "CLOSED")
	public void unlock() {
	}

	/** A self-loop whose body changes nothing. */
	@Transition(source = "OPEN", target = "OPEN")
	public void knock() {
	}

	public Long getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public State getState() {
		return this.state;
	}

	/** What a user should not write; the flush refuses what it does. */
	public void setState(State state) {
		this.state = state;
	}

}
