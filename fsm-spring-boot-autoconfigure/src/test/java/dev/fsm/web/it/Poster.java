package dev.fsm.web.it;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A poster labelled by its caption, whose {@code toString()} returns {@code null} without
 * one and throws for a caption it cannot show: rows that must not break a page.
 */
@Entity
public class Poster {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String caption;

	@StateField
	private String state = "DRAFT";

	protected Poster() {
	}

	public Poster(String caption) {
		this.caption = caption;
	}

	@Transition(source = "DRAFT", target = "DRAFT")
	public void recaption(String caption) {
		this.caption = caption;
	}

	@Transition(source = "DRAFT", target = "HUNG")
	public void hang() {
	}

	public Long getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public String getCaption() {
		return this.caption;
	}

	@Override
	public String toString() {
		if (this.caption != null && this.caption.startsWith("!")) {
			throw new IllegalStateException("Poster#" + this.id + " has a caption it cannot show");
		}
		return this.caption;
	}

}
