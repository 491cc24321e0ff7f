package dev.fsm.operations.drift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** A parcel whose state {@code SORTING} was renamed {@code SORTED} in this version. */
@Entity
@Table(name = "drift_parcel")
public class Parcel {

	public enum ParcelState {

		RECEIVED, SORTED, DELIVERED

	}

	@Id
	private Long id;

	@Version
	private Long version;

	@StateField
	@Enumerated(EnumType.STRING)
	@Column(length = 32)
	private ParcelState state = ParcelState.RECEIVED;

	protected Parcel() {
	}

	public Parcel(Long id) {
		this.id = id;
	}

	@Transition(source = "RECEIVED", target = "SORTED")
	public void sort() {
	}

	@Transition(source = "SORTED", target = "DELIVERED")
	public void deliver() {
	}

	public Long getId() {
		return this.id;
	}

}
