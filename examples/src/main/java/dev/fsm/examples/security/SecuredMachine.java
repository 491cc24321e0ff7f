package dev.fsm.examples.security;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;

/**
 * The machine of the security sample as an entity; its transitions are the methods of
 * {@link SecuredMachineFlow}. It counts what the actions did, which the original only logged.
 */
@Entity
public class SecuredMachine {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@StateField
	@Enumerated(EnumType.STRING)
	private SecuredState state = SecuredState.S0;

	private int adminActions;

	private int transitionActions;

	void adminActionRan() {
		this.adminActions++;
	}

	void transitionActionRan() {
		this.transitionActions++;
	}

	public Long getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public SecuredState getState() {
		return this.state;
	}

	public int getAdminActions() {
		return this.adminActions;
	}

	public int getTransitionActions() {
		return this.transitionActions;
	}

}
