package dev.fsm.it;

import jakarta.persistence.Entity;

import dev.fsm.Transition;

/** Inherits approve as is; replaces the declaration of reopen. */
@Entity
public class CodeReview extends Review {

	@Override
	@Transition(source = "APPROVED", target = "OPEN", conditions = "false", name = "reopen")
	public void reopen() {
		super.reopen();
	}

}
