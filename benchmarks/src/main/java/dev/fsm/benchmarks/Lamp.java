package dev.fsm.benchmarks;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** A plain object with a two-state workflow: the engine's cost without a database. */
public class Lamp {

	@StateField(states = { "OFF", "ON" })
	String state = "OFF";

	int switches;

	@Transition(source = "OFF", target = "ON")
	@Transition(source = "ON", target = "OFF")
	public int toggle() {
		return ++this.switches;
	}

	/** The same body, not a transition: the baseline. */
	public int toggleDirectly() {
		this.state = "OFF".equals(this.state) ? "ON" : "OFF";
		return ++this.switches;
	}

}
