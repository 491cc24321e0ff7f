package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One or more {@link Transition#conditions() conditions} of the transition do not hold.
 */
public class TransitionConditionException extends TransitionException {

	private final List<String> failedConditions;

	public TransitionConditionException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, String currentState, List<String> failedConditions) {
		super(message, entityType, entityId, transition, currentState);
		this.failedConditions = List.copyOf(failedConditions);
	}

	/** The expressions of the conditions that failed, in declaration order. */
	public List<String> getFailedConditions() {
		return this.failedConditions;
	}

}
