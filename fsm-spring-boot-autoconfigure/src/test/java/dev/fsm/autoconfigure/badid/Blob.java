package dev.fsm.autoconfigure.badid;

import java.io.Serializable;
import java.util.Arrays;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A composite id with a byte array: no text the audit trail could write the same way
 * twice.
 */
@Entity
public class Blob {

	@EmbeddedId
	private Key key;

	@Version
	private Long version;

	@StateField
	private String state = "NEW";

	@Transition(source = "NEW", target = "DONE")
	public void finish() {
	}

	@Embeddable
	public static class Key implements Serializable {

		private String name;

		private byte[] digest;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.name.equals(this.name) && Arrays.equals(key.digest, this.digest);
		}

		@Override
		public int hashCode() {
			return this.name.hashCode();
		}

	}

}
