package dev.fsm.observation;

public enum PaymentState {

	NEW, AUTHORIZED, CAPTURED, VOIDED

}
