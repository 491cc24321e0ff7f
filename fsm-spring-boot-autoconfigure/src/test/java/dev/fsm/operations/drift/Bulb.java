package dev.fsm.operations.drift;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A bulb whose enum state is stored by ordinal: 2 was a third constant, since removed.
 */
@Entity
@Table(name = "drift_bulb")
public class Bulb {

	public enum BulbState {

		OFF, ON

	}

	@Id
	private Long id;

	@Version
	private Long version;

	@StateField
	@Enumerated(EnumType.ORDINAL)
	private BulbState state = BulbState.OFF;

	protected Bulb() {
	}

	@Transition(source = "OFF", target = "ON")
	public void switchOn() {
	}

	@Transition(source = "ON", target = "OFF")
	public void switchOff() {
	}

}
