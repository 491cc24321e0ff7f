package dev.fsm.minimal.jpa;

/** The states of a {@link Ticket}. */
public enum TicketState {

	OPEN, CLOSED

}
