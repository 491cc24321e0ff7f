package dev.fsm.examples.migration;

public enum PaymentState {

	UNPAID, PAID, DECLINED, EXPIRED, REFUNDED

}
