package dev.fsm.web.it;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** A composite {@code @IdClass} key and no {@code @Version}: no entity tag to match. */
@Entity
@IdClass(Pallet.Key.class)
public class Pallet {

	@Id
	private String depot;

	@Id
	private long number;

	@StateField
	private String state = "SORTED";

	protected Pallet() {
	}

	public Pallet(String depot, long number) {
		this.depot = depot;
		this.number = number;
	}

	@Transition(source = "SORTED", target = "LOADED")
	public void load() {
	}

	public String getState() {
		return this.state;
	}

	public static class Key implements Serializable {

		private String depot;

		private long number;

		protected Key() {
		}

		public Key(String depot, long number) {
			this.depot = depot;
			this.number = number;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.number == this.number && key.depot.equals(this.depot);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.depot, this.number);
		}

	}

}
