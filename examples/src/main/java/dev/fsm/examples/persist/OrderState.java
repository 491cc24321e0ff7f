package dev.fsm.examples.persist;

/** The states of an order: the original's strings, as an enum. */
public enum OrderState {

	PLACED, PROCESSING, SENT, DELIVERED

}
