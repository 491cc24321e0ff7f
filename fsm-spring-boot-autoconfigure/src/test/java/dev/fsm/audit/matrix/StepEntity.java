package dev.fsm.audit.matrix;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * The workflow every entity of the step matrix shares; the subclasses differ in their id
 * and {@code @Version}. {@code crash} always throws and moves to {@code BROKEN};
 * {@code resume} is timed, so that the timers fire it.
 */
@MappedSuperclass
public abstract class StepEntity {

	public enum State {

		NEW, ACTIVE, PAUSED, DONE, BROKEN

	}

	@StateField
	@Enumerated(EnumType.STRING)
	@Column(name = "state", length = 16)
	private State state = State.NEW;

	@StateChangedAt
	private Instant stateChangedAt;

	@Transition(source = "NEW", target = "ACTIVE")
	public void activate() {
	}

	@Transition(source = "ACTIVE", target = "DONE")
	public void finish() {
	}

	@Transition(source = "DONE", target = "ACTIVE")
	public void reopen() {
	}

	@Transition(source = "ACTIVE", target = "PAUSED")
	public void pause() {
	}

	@Transition(source = "PAUSED", target = "ACTIVE", after = "PT1H")
	public void resume() {
	}

	@Transition(source = { "NEW", "ACTIVE" }, target = "DONE", onError = "BROKEN")
	public void crash() {
		throw new IllegalStateException("crashed");
	}

	@Transition(source = "BROKEN", target = "ACTIVE")
	public void repair() {
	}

	/** Declared safe to repeat: fired by id, a lost race is tried again. */
	@Transition(source = "ACTIVE", target = "DONE", retries = 3)
	public void settle() {
	}

	public State getState() {
		return this.state;
	}

	/** The id, as {@code find} takes it. */
	public abstract Object id();

	/** The {@code @Version} as a number, {@code null} for an entity without one. */
	public abstract Long versionNumber();

}
