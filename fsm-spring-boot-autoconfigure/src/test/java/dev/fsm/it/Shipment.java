package dev.fsm.it;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** Two state fields, two workflows. */
@Entity
public class Shipment {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@StateField(name = "payment")
	private String payment = "UNPAID";

	@StateField
	@Enumerated(EnumType.STRING)
	private DeliveryState delivery = DeliveryState.PENDING;

	@Transition(field = "payment", source = "UNPAID", target = "PAID")
	public void pay() {
	}

	@Transition(field = "payment", source = "PAID", target = "UNPAID", name = "reset")
	public void refund() {
	}

	@Transition(field = "delivery", source = "PENDING", target = "SHIPPED", conditions = "payment == 'PAID'")
	public void ship() {
	}

	@Transition(field = "delivery", source = "SHIPPED", target = "DELIVERED")
	public void deliver() {
	}

	@Transition(field = "delivery", source = "*", target = "PENDING", name = "reset")
	public void restart() {
	}

	public Long getId() {
		return this.id;
	}

	public String getPayment() {
		return this.payment;
	}

	public DeliveryState getDelivery() {
		return this.delivery;
	}

}
