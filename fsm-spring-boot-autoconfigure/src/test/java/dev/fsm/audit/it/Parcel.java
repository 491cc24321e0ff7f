package dev.fsm.audit.it;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** A String id the application assigns; two workflows, one per state field. */
@Entity
public class Parcel {

	enum Delivery {

		PACKED, SHIPPED, DELIVERED

	}

	enum Payment {

		UNPAID, PAID

	}

	@Id
	private String trackingCode;

	@Version
	private Long version;

	@StateField
	@Enumerated(EnumType.STRING)
	private Delivery delivery = Delivery.PACKED;

	@StateField
	@Enumerated(EnumType.STRING)
	private Payment payment = Payment.UNPAID;

	protected Parcel() {
	}

	Parcel(String trackingCode) {
		this.trackingCode = trackingCode;
	}

	@Transition(source = "PACKED", target = "SHIPPED", field = "delivery")
	public void ship() {
	}

	@Transition(source = "SHIPPED", target = "DELIVERED", field = "delivery")
	public void deliver() {
	}

	@Transition(source = "UNPAID", target = "PAID", field = "payment")
	public void pay() {
	}

	String getTrackingCode() {
		return this.trackingCode;
	}

}
