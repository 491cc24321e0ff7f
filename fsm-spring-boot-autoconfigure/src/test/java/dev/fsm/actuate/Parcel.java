package dev.fsm.actuate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

@Entity
public class Parcel {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String address;

	@StateField(states = { "LABELLED", "IN_TRANSIT", "DELIVERED", "RETURNED" })
	private String status = "LABELLED";

	@Transition(source = "LABELLED", target = "IN_TRANSIT", label = "Hand over to carrier",
			description = "The carrier scanned the parcel", conditions = "#entity.address != null",
			properties = { "button=primary", "icon=truck" })
	public void ship() {
	}

	@Transition(source = "IN_TRANSIT", target = { "DELIVERED", "RETURNED" }, onError = "RETURNED",
			permission = "hasRole('COURIER')")
	public String deliver(boolean atHome) {
		return atHome ? "DELIVERED" : "RETURNED";
	}

	@Transition(source = "RETURNED", target = "IN_TRANSIT")
	public void resend() {
	}

	public Long getId() {
		return this.id;
	}

}
