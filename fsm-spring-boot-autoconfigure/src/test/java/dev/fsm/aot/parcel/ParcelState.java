package dev.fsm.aot.parcel;

/** The states of a {@link Parcel}. */
public enum ParcelState {

	PACKED, SENT, RETURNED

}
