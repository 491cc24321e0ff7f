package dev.fsm.events;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A support ticket whose closing mails its reporter: a side effect that must not be lost.
 */
@Entity(name = "EventTicket")
@Table(name = "events_ticket")
public class Ticket {

	public enum Resolution {

		FIXED, WONT_FIX

	}

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@StateField(states = { "OPEN", "CLOSED" })
	private String state = "OPEN";

	private String reporter;

	protected Ticket() {
	}

	public Ticket(String reporter) {
		this.reporter = reporter;
	}

	@Transition(source = "OPEN", target = "CLOSED")
	public void close(Resolution resolution, String comment, Ticket duplicateOf) {
	}

	@Transition(source = "CLOSED", target = "OPEN")
	public void reopen() {
	}

	public Long getId() {
		return this.id;
	}

	public String getState() {
		return this.state;
	}

	public String getReporter() {
		return this.reporter;
	}

}
