package dev.fsm.aot.parcel;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** A plain workflow object whose hints and view class the AOT processing contributes. */
public class Parcel {

	@StateField
	ParcelState state = ParcelState.PACKED;

	String address = "";

	@Transition(source = "PACKED", target = "SENT")
	public void dispatch(Delivery delivery) {
		this.address = delivery.address();
	}

	public String getAddress() {
		return this.address;
	}

}
