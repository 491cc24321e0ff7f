package dev.fsm.diagram;

public enum InvoiceState {

	DRAFT, SENT, OVERDUE, PAID, CANCELLED

}
