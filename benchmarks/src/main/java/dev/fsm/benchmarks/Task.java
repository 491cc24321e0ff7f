package dev.fsm.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** Three states in a ring and two transitions possible from each: the contention benchmark's entity. */
@Entity
public class Task {

	@Id
	@GeneratedValue
	Long id;

	@Version
	Long version;

	@StateField(states = { "TODO", "DOING", "DONE" })
	String state = "TODO";

	@Transition(source = "TODO", target = "DOING")
	@Transition(source = "DOING", target = "DONE")
	@Transition(source = "DONE", target = "TODO")
	public void forward() {
	}

	@Transition(source = "TODO", target = "DONE")
	@Transition(source = "DOING", target = "TODO")
	@Transition(source = "DONE", target = "DOING")
	public void back() {
	}

}
