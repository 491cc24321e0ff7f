package dev.fsm.benchmarks;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A plain object whose transitions have what a real one has: a permission on the current user
 * and a condition on the entity.
 */
public class Review {

	@StateField(states = { "DRAFT", "SUBMITTED" })
	String state = "DRAFT";

	String title = "Benchmarks";

	String author = "alice";

	@Transition(source = "DRAFT", target = "SUBMITTED", permission = "#entity.author == authentication.name",
			conditions = "title != null")
	@Transition(source = "SUBMITTED", target = "DRAFT", permission = "#entity.author == authentication.name",
			conditions = "title != null")
	public void submit() {
	}

	public String getTitle() {
		return this.title;
	}

	public String getAuthor() {
		return this.author;
	}

}
