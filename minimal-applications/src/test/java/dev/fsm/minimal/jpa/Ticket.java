package dev.fsm.minimal.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** A JPA workflow entity. */
@Entity
public class Ticket {

	@Id
	@GeneratedValue
	Long id;

	@Version
	Long version;

	@StateField
	@Enumerated(EnumType.STRING)
	TicketState state = TicketState.OPEN;

	@Transition(source = "OPEN", target = "CLOSED")
	public void close() {
	}

	public Long getId() {
		return this.id;
	}

	public TicketState getState() {
		return this.state;
	}

}
