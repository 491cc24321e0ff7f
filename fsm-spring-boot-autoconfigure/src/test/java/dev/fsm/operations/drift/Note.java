package dev.fsm.operations.drift;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** A note with a String state; {@code archived} was a state of an older version. */
@Entity
@Table(name = "drift_note")
public class Note {

	@Id
	private Long id;

	@Version
	private Long version;

	@StateField(states = { "draft", "published" })
	private String status = "draft";

	protected Note() {
	}

	public Note(Long id) {
		this.id = id;
	}

	@Transition(source = "draft", target = "published")
	public void publish() {
	}

	public Long getId() {
		return this.id;
	}

}
