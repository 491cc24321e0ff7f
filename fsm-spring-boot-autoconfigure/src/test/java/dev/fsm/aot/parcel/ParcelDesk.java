package dev.fsm.aot.parcel;

import dev.fsm.Transition;

/** A flow bean: a transition of {@link Parcel} declared on a Spring bean. */
public class ParcelDesk {

	@Transition(source = "SENT", target = "RETURNED")
	public void returnToSender(Parcel parcel) {
	}

}
