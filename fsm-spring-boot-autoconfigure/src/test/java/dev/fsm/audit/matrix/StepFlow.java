package dev.fsm.audit.matrix;

import org.springframework.stereotype.Component;

import dev.fsm.Transition;

/**
 * Transitions declared on a Spring bean, the entity a parameter, for two of the matrix's
 * entities.
 */
@Component
public class StepFlow {

	@Transition(source = "NEW", target = "ACTIVE")
	public void flowActivate(GeneratedLongStep step) {
	}

	@Transition(source = "ACTIVE", target = "DONE")
	public void flowFinish(GeneratedLongStep step) {
	}

	@Transition(source = "DONE", target = "ACTIVE")
	public void flowReopen(GeneratedLongStep step) {
	}

	@Transition(source = "NEW", target = "ACTIVE")
	public void flowActivate(AssignedStringStep step) {
	}

	@Transition(source = "ACTIVE", target = "DONE")
	public void flowFinish(AssignedStringStep step) {
	}

	@Transition(source = "DONE", target = "ACTIVE")
	public void flowReopen(AssignedStringStep step) {
	}

}
