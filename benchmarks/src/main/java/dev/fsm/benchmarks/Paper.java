package dev.fsm.benchmarks;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * The workflow of the comparison with Spring Statemachine ({@code benchmarks-statemachine}): five
 * states, the two moves into review guarded by the paper having a title.
 */
public class Paper {

	public enum State {

		DRAFT, ADMIN_REVIEW, AUTHOR_REVIEW, LIVE, RETRACTED

	}

	@StateField
	State state = State.DRAFT;

	String title = "Benchmarks";

	@Transition(source = { "DRAFT", "AUTHOR_REVIEW" }, target = "ADMIN_REVIEW", conditions = "title != null")
	public void submit() {
	}

	@Transition(source = "ADMIN_REVIEW", target = "AUTHOR_REVIEW")
	public void sendBack() {
	}

	@Transition(source = "ADMIN_REVIEW", target = "LIVE")
	public void publish() {
	}

	@Transition(source = "LIVE", target = "RETRACTED")
	public void retract() {
	}

	public String getTitle() {
		return this.title;
	}

}
