package dev.fsm.operations.metrics;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A claim without {@code @StateChangedAt}: when it entered a state, the audit trail says.
 */
@Entity
@Table(name = "metrics_claim")
public class Claim {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@StateField(states = { "OPEN", "REVIEWED", "PAID" })
	private String state = "OPEN";

	@Transition(source = "OPEN", target = "REVIEWED")
	public void review() {
	}

	@Transition(source = "REVIEWED", target = "PAID")
	public void pay() {
	}

	public Long getId() {
		return this.id;
	}

}
