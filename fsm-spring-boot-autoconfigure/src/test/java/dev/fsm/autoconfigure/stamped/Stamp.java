package dev.fsm.autoconfigure.stamped;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A timestamp as {@code @Version}: refused, a workflow needs a version each save
 * increments by one.
 */
@Entity
public class Stamp {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Instant modified;

	@StateField(states = { "DRAFT", "FINAL" })
	private String state = "DRAFT";

	@Transition(source = "DRAFT", target = "FINAL")
	public void seal() {
	}

}
