package dev.fsm.it;

public enum DeliveryState {

	PENDING, SHIPPED, DELIVERED

}
