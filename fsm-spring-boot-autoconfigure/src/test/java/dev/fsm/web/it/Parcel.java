package dev.fsm.web.it;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A parcel with {@code @StateChangedAt}: its lists page by when each entered its state,
 * and senders read and list their own parcels only. Its own table: the audit trail's
 * tests map another {@code Parcel}, with a String id, to {@code parcel} in the same
 * database.
 */
@Entity
@Table(name = "keyset_parcel")
public class Parcel {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String sender;

	@StateField(states = { "SORTED", "LOADED", "DELIVERED" }, readPermission = "#entity.sender == authentication.name",
			readFilter = "e.sender = :#{authentication.name}")
	private String state = "SORTED";

	@StateChangedAt
	private Instant stateChangedAt;

	protected Parcel() {
	}

	public Parcel(String sender) {
		this.sender = sender;
	}

	@Transition(source = "SORTED", target = "LOADED")
	public void load() {
	}

	@Transition(source = "LOADED", target = "DELIVERED")
	public void deliver() {
	}

	public Long getId() {
		return this.id;
	}

	public String getState() {
		return this.state;
	}

	public Instant getStateChangedAt() {
		return this.stateChangedAt;
	}

}
