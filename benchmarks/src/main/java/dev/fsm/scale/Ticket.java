package dev.fsm.scale;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A support ticket, the workflow {@link ReadScale} lists at a million rows: most tickets are
 * closed, a fifth open. The table and its indexes are created by {@code schema-postgresql.sql}.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Version
	Long version;

	@StateField(states = { "NEW", "OPEN", "WAITING", "SOLVED", "CLOSED" })
	String state = "NEW";

	@StateChangedAt
	@Column(name = "changed_at")
	Instant changedAt;

	String title;

	@Transition(source = "NEW", target = "OPEN")
	public void open() {
	}

	@Transition(source = "OPEN", target = "WAITING")
	public void waitForCustomer() {
	}

	@Transition(source = "WAITING", target = "OPEN")
	public void resume() {
	}

	@Transition(source = "OPEN", target = "SOLVED")
	public void solve() {
	}

	@Transition(source = "SOLVED", target = "CLOSED")
	public void close() {
	}

}
