package dev.fsm.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** A JPA entity with a two-state workflow. */
@Entity
public class Article {

	@Id
	@GeneratedValue
	Long id;

	@Version
	Long version;

	@StateField(states = { "DRAFT", "LIVE" })
	String state = "DRAFT";

	@Transition(source = "DRAFT", target = "LIVE")
	@Transition(source = "LIVE", target = "DRAFT")
	public void toggle() {
	}

}
