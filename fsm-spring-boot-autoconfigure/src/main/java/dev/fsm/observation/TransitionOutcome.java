package dev.fsm.observation;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.InvalidTransitionArgumentsException;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionNotAllowedException;

/**
 * How a transition attempt ended.
 */
enum TransitionOutcome {

	/** The transition ran and was saved. */
	COMPLETED,

	/** The current state is not a source, or the transition does not exist. */
	NOT_ALLOWED,

	/** The permission refused the user. */
	DENIED,

	/** A condition did not hold. */
	CONDITION_FAILED,

	/** The arguments broke the constraints of the transition's parameters. */
	INVALID_ARGUMENTS,

	/** A concurrent change won the optimistic lock. */
	CONFLICT,

	/** The body, a listener or the save threw. */
	ERROR;

	/** The outcome of an attempt that threw {@code exception}. */
	static TransitionOutcome of(Throwable exception) {
		if (exception instanceof TransitionNotAllowedException) {
			return NOT_ALLOWED;
		}
		if (exception instanceof TransitionDeniedException) {
			return DENIED;
		}
		if (exception instanceof TransitionConditionException) {
			return CONDITION_FAILED;
		}
		if (exception instanceof InvalidTransitionArgumentsException) {
			return INVALID_ARGUMENTS;
		}
		if (exception instanceof ConcurrentTransitionException) {
			return CONFLICT;
		}
		return ERROR;
	}

	/** The lower-case name used in metrics. */
	String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
