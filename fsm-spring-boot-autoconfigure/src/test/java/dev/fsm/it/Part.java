package dev.fsm.it;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** An {@code @EmbeddedId} whose class has no {@code toString()}. */
@Entity
public class Part {

	@EmbeddedId
	private Key key;

	@Version
	private Long version;

	@StateField
	private String state = "DESIGNED";

	protected Part() {
	}

	public Part(String catalog, int number) {
		this.key = new Key(catalog, number);
	}

	@Transition(source = "DESIGNED", target = "RELEASED")
	public void release() {
	}

	public Key getKey() {
		return this.key;
	}

	@Embeddable
	public static class Key implements Serializable {

		private String catalog;

		private int number;

		protected Key() {
		}

		public Key(String catalog, int number) {
			this.catalog = catalog;
			this.number = number;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.catalog.equals(this.catalog) && key.number == this.number;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.catalog, this.number);
		}

	}

}
