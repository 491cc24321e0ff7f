package dev.fsm.contention;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A job under contention: a workflow with a cycle (QUEUED, RUNNING, FAILED, QUEUED), a way back
 * to the start, and a self-loop from every state. {@code runs} counts the committed starts, so
 * that a body's change that committed twice, or not at all, shows.
 */
@Entity
@Table(name = "contention_job")
public class Job {

	public enum State {

		IDLE, QUEUED, RUNNING, DONE, FAILED

	}

	@Id
	private Long id;

	@Version
	private long version;

	@StateField
	@Enumerated(EnumType.STRING)
	private State state = State.IDLE;

	private int runs;

	protected Job() {
	}

	@Transition(source = "IDLE", target = "QUEUED")
	public void enqueue() {
	}

	@Transition(source = "QUEUED", target = "RUNNING")
	public void start() {
		this.runs++;
	}

	@Transition(source = "RUNNING", target = "DONE")
	public void finish() {
	}

	@Transition(source = "RUNNING", target = "FAILED")
	public void fail() {
	}

	@Transition(source = "FAILED", target = "QUEUED")
	public void retry() {
	}

	@Transition(source = "DONE", target = "IDLE")
	public void reset() {
	}

	@Transition(source = "*")
	public void ping() {
	}

	public Long getId() {
		return this.id;
	}

	public long getVersion() {
		return this.version;
	}

	public State getState() {
		return this.state;
	}

	public int getRuns() {
		return this.runs;
	}

}
