package dev.fsm.audit.it;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** A UUID id, generated when first saved; String states. */
@Entity
public class GiftVoucher {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Version
	private Long version;

	@StateField(states = { "ISSUED", "ACTIVE", "REDEEMED" })
	private String state = "ISSUED";

	@Transition(source = "ISSUED", target = "ACTIVE")
	public void activate() {
	}

	@Transition(source = "ACTIVE", target = "REDEEMED")
	public void redeem() {
	}

	UUID getId() {
		return this.id;
	}

}
