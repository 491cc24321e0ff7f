package com.example.typo;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** The guide's entity with a typo in its condition, outside the application's packages. */
public class TypoReport {

	String title;

	@StateField(states = { "DRAFT", "IN_REVIEW" })
	String state = "DRAFT";

	@Transition(source = "DRAFT", target = "IN_REVIEW", conditions = "titel != null")
	public String submit() {
		return "Submitted for review.";
	}

}
