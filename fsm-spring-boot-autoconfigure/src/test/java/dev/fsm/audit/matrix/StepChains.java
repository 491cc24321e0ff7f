package dev.fsm.audit.matrix;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import dev.fsm.Transition;
import dev.fsm.Transitions;

/** Transitions whose bodies fire further transitions on the same entity. */
@Component
public class StepChains {

	private final Transitions transitions;

	StepChains(@Lazy Transitions transitions) {
		this.transitions = transitions;
	}

	@Transition(source = "NEW", target = "ACTIVE")
	public void activateAndFinish(AssignedStringStep step) {
		this.transitions.fire(step, "finish");
	}

	@Transition(source = "NEW", target = "ACTIVE")
	public void activatePauseAndResume(AssignedStringStep step) {
		this.transitions.fire(step, "pause");
		this.transitions.fire(step, "resume");
	}

	@Transition(source = "NEW", target = "ACTIVE", onError = "BROKEN")
	public void activateFinishAndFail(AssignedStringStep step) {
		this.transitions.fire(step, "finish");
		throw new IllegalStateException("failed after the chain");
	}

}
