package dev.fsm.audit.it;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A plain workflow object in an application with JPA: not an entity, so it has no
 * history.
 */
public class Stopwatch {

	@StateField(states = { "STOPPED", "RUNNING" })
	String state = "STOPPED";

	@Transition(source = "STOPPED", target = "RUNNING")
	public void start() {
	}

}
