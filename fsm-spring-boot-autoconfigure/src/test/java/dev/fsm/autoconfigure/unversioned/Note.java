package dev.fsm.autoconfigure.unversioned;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** An entity without @Version. */
@Entity
public class Note {

	@Id
	@GeneratedValue
	private Long id;

	@StateField
	private String state = "DRAFT";

	@Transition(source = "DRAFT", target = "FINAL")
	public void finish() {
	}

	public String getState() {
		return this.state;
	}

}
