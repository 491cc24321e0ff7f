package dev.fsm.diagram;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

@Entity
public class Invoice {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@StateField
	@Enumerated(EnumType.STRING)
	private InvoiceState state = InvoiceState.DRAFT;

	@Transition(source = "DRAFT", target = "SENT")
	public void send() {
	}

	@Transition(source = "SENT", target = "OVERDUE", label = "Send reminder")
	public void remind() {
	}

	@Transition(source = { "SENT", "OVERDUE" }, target = "PAID", permission = "hasRole('ACCOUNTANT')")
	public void pay() {
	}

	@Transition(source = { "DRAFT", "SENT" }, target = "CANCELLED", permission = "hasRole('MANAGER')")
	public void cancel() {
	}

	public Long getId() {
		return this.id;
	}

	public InvoiceState getState() {
		return this.state;
	}

}
