package dev.fsm.examples.migration;

public enum ShippingState {

	WAITING, BACKORDERED, PACKED, SHIPPED, RECALLED

}
