package dev.fsm.operations.metrics;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.StateInfo;
import dev.fsm.Transition;

/** A shipment, stuck after a day in a state, after two hours when packed. */
@Entity
@Table(name = "metrics_shipment")
public class Shipment {

	public enum ShipmentState {

		ORDERED, @StateInfo(stuckAfter = "2h")
		PACKED, SHIPPED

	}

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@StateField(stuckAfter = "1d")
	@Enumerated(EnumType.STRING)
	private ShipmentState state = ShipmentState.ORDERED;

	@StateChangedAt
	private Instant stateChangedAt;

	@Transition(source = "ORDERED", target = "PACKED")
	public void pack() {
	}

	@Transition(source = "PACKED", target = "SHIPPED")
	public void ship() {
	}

	public Long getId() {
		return this.id;
	}

}
