package dev.fsm.test.example;

public enum ClaimState {

	DRAFT, SUBMITTED, APPROVED, REJECTED, PAID

}
