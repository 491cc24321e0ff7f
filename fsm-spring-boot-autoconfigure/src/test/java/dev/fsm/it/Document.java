package dev.fsm.it;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** int states. */
@Entity
public class Document {

	public static final int DRAFT = 0;

	public static final int REVIEW = 1;

	public static final int PUBLISHED = 2;

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Integer version;

	@StateField(states = { "0", "1", "2" })
	private int stage = DRAFT;

	@Transition(source = "0", target = "1")
	public void review() {
	}

	@Transition(source = "1", target = "2")
	public void publish() {
	}

	public Long getId() {
		return this.id;
	}

	public int getStage() {
		return this.stage;
	}

}
