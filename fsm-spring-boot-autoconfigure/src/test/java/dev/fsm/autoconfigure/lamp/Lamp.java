package dev.fsm.autoconfigure.lamp;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A plain workflow object (no JPA, no flow bean): found by scanning the application's
 * package.
 */
public class Lamp {

	@StateField(states = { "OFF", "ON" })
	String state = "OFF";

	@Transition(source = "OFF", target = "ON")
	public void switchOn() {
	}

}
