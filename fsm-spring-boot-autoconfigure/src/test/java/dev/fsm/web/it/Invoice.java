package dev.fsm.web.it;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A workflow with a UUID id and no transition marked for the API: hidden when the
 * exposure is "annotated".
 */
@Entity(name = "WebInvoice")
public class Invoice {

	@Id
	@GeneratedValue
	private UUID id;

	@Version
	private Long version;

	@StateField
	private String state = "OPEN";

	@Transition(source = "OPEN", target = "SETTLED")
	public void settle() {
	}

	public UUID getId() {
		return this.id;
	}

}
