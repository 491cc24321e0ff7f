package dev.fsm.autoconfigure.unopened;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** A read filter without a read permission: its lists would show what nobody may open. */
@Entity
public class Coupon {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String owner;

	@StateField(readFilter = "e.owner = :#{authentication.name}")
	private String state = "ISSUED";

	@Transition(source = "ISSUED", target = "REDEEMED")
	public void redeem() {
	}

}
