package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One or more {@link Transition#conditions() conditions} of the transition do not hold.
 */
public class TransitionConditionException extends TransitionException {

	private final List<String> failedConditions;

	private final List<String> failedConditionNames;

	private final String userMessage;

	public TransitionConditionException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, String currentState, List<String> failedConditions) {
		this(message, entityType, entityId, transition, currentState, failedConditions, failedConditions,
				WorkflowMessages.Sentences.CONDITIONS_FAILED);
	}

	/**
	 * @param failedConditionNames the names of the failed conditions: a
	 * {@link Condition}'s name, else the expression
	 * @param userMessage what the user is told, without expressions
	 * @since 0.5.0
	 */
	public TransitionConditionException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, String currentState, List<String> failedConditions, List<String> failedConditionNames,
			String userMessage) {
		super(message, entityType, entityId, transition, currentState);
		this.failedConditions = List.copyOf(failedConditions);
		this.failedConditionNames = List.copyOf(failedConditionNames);
		this.userMessage = userMessage;
	}

	/**
	 * The names of the conditions that failed, in declaration order: a
	 * {@link Condition}'s name, the expression for a condition declared without one.
	 * @since 0.5.0
	 */
	public List<String> getFailedConditionNames() {
		return this.failedConditionNames;
	}

	/**
	 * What the user is told, such as "The author has not approved the latest text": the
	 * failed conditions' messages, a general sentence for those without one;
	 * {@link #getMessage()} is for developers and names the expressions.
	 * @since 0.5.0
	 */
	public String getUserMessage() {
		return this.userMessage;
	}

	/** The expressions of the conditions that failed, in declaration order. */
	public List<String> getFailedConditions() {
		return this.failedConditions;
	}

	@Override
	public Reason getReason() {
		return Reason.CONDITIONS_FAILED;
	}

}
