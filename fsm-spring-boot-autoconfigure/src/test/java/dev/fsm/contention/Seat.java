package dev.fsm.contention;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.Locking;
import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A seat whose workflow locks pessimistically: each transition locks the row before its
 * checks, waiting at most 3 seconds unless it declares otherwise. Two transitions declare
 * themselves optimistic, one of them safe to repeat twice.
 */
@Entity
@Table(name = "contention_seat")
public class Seat {

	public enum State {

		FREE, HELD, SOLD

	}

	@Id
	private Long id;

	@Version
	private long version;

	@StateField(lock = Locking.PESSIMISTIC, lockTimeout = "3s")
	@Enumerated(EnumType.STRING)
	private State state = State.FREE;

	private String holder;

	protected Seat() {
	}

	@Transition(source = "FREE", target = "HELD")
	public void hold(String holder) {
		this.holder = holder;
	}

	/** Only the holder may hand it over: a permission that reads the entity. */
	@Transition(source = "HELD", target = "HELD", permission = "#entity.holder == authentication.name")
	public void handOver(String holder) {
		this.holder = holder;
	}

	@Transition(source = "HELD", target = "FREE", permission = "#entity.holder == authentication.name")
	public void release() {
		this.holder = null;
	}

	@Transition(source = "HELD", target = "SOLD")
	public void sell() {
	}

	/** Fails at once when the row is locked. */
	@Transition(source = "*", lockTimeout = "0")
	public void inspect() {
	}

	/**
	 * Waits briefly for the lock, and is tried again, up to 20 times, when it does not
	 * get it.
	 */
	@Transition(source = "*", lockTimeout = "100ms", retries = 20)
	public void touch() {
	}

	@Transition(source = "*", lock = Locking.OPTIMISTIC, retries = 2)
	public void recount() {
	}

	@Transition(source = "*", lock = Locking.OPTIMISTIC)
	public void recountOnce() {
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

	public String getHolder() {
		return this.holder;
	}

}
