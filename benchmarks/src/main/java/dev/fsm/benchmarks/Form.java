package dev.fsm.benchmarks;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A workflow with 10 transitions, each possible from every state and guarded by a condition:
 * what {@code transitions.allowed(form)} evaluates.
 */
public class Form {

	@StateField(states = { "S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9" })
	String state = "S0";

	String title = "Benchmarks";

	@Transition(source = "*", target = "S0", conditions = "title != null")
	public void t0() {
	}

	@Transition(source = "*", target = "S1", conditions = "title != null")
	public void t1() {
	}

	@Transition(source = "*", target = "S2", conditions = "title != null")
	public void t2() {
	}

	@Transition(source = "*", target = "S3", conditions = "title != null")
	public void t3() {
	}

	@Transition(source = "*", target = "S4", conditions = "title != null")
	public void t4() {
	}

	@Transition(source = "*", target = "S5", conditions = "title != null")
	public void t5() {
	}

	@Transition(source = "*", target = "S6", conditions = "title != null")
	public void t6() {
	}

	@Transition(source = "*", target = "S7", conditions = "title != null")
	public void t7() {
	}

	@Transition(source = "*", target = "S8", conditions = "title != null")
	public void t8() {
	}

	@Transition(source = "*", target = "S9", conditions = "title != null")
	public void t9() {
	}

	public String getTitle() {
		return this.title;
	}

}
