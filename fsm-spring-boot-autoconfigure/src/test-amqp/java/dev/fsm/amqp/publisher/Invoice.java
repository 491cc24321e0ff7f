package dev.fsm.amqp.publisher;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** An invoice whose sending and payment another service must hear of, once each. */
@Entity(name = "AmqpInvoice")
@Table(name = "amqp_invoice")
public class Invoice {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@StateField(states = { "DRAFT", "SENT", "PAID" })
	private String state = "DRAFT";

	@Transition(source = "DRAFT", target = "SENT")
	public void send() {
	}

	@Transition(source = "SENT", target = "PAID")
	public void pay() {
	}

	public Long getId() {
		return this.id;
	}

}
