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
 * A job under contention: a workflow with a cycle (QUEUED, RUNNING, FAILED, QUEUED), a
 * way back to the start, a self-loop from every state (retried when it loses a race), and
 * a cancel only its owner may fire. {@code runs} counts the committed starts, so that a
 * body's change that committed twice, or not at all, shows; a poisoned job's
 * {@code finish} throws.
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

	private String owner;

	private boolean poisoned;

	protected Job() {
	}

	@Transition(source = "IDLE", target = "QUEUED")
	public void enqueue() {
	}

	@Transition(source = "QUEUED", target = "RUNNING")
	public void start() {
		this.runs++;
	}

	/** Fails on a poisoned job: a body that throws for some data, as real ones do. */
	@Transition(source = "RUNNING", target = "DONE")
	public void finish() {
		if (this.poisoned) {
			throw new IllegalStateException("Job#" + this.id + " is poisoned");
		}
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

	/**
	 * A self-loop from every state, safe to repeat: fired again when it loses a race by
	 * id.
	 */
	@Transition(source = "*", retries = 3)
	public void ping() {
	}

	/** Only its owner may cancel it: a permission that reads the entity. */
	@Transition(source = { "QUEUED", "FAILED" }, target = "IDLE", permission = "#entity.owner == authentication.name")
	public void cancel() {
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

	public String getOwner() {
		return this.owner;
	}

}
