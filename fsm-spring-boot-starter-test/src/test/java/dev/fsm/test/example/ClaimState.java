package dev.fsm.test.example;

import dev.fsm.StateGroup;

public enum ClaimState {

	@StateGroup("OPEN")
	DRAFT,

	@StateGroup("OPEN")
	SUBMITTED,

	@StateGroup("OPEN")
	APPROVED,

	REJECTED, PAID

}
