package dev.fsm.web;

import java.util.ArrayList;
import java.util.List;

import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionOption;
import dev.fsm.WorkflowMessages;

/**
 * What the HTTP API tells a user about a refusal: human sentences, never the permission
 * and condition expressions (SpEL that may name other users) unless the operator opted in
 * with {@code fsm.web.include-details}. The engine checks the permission before the
 * conditions, so a user who may not fire a transition is told only that.
 */
final class RefusalMessages {

	static final String DENIED = "You may not fire this transition.";

	static final String CONDITIONS_FAILED = "Not possible now: its conditions are not met.";

	static final String GUARD_FAILED = "It could not be checked now; the server's log says why.";

	static final String NEEDS_INPUT = "Whether it is possible depends on the values you give.";

	private final boolean includeDetails;

	RefusalMessages(boolean includeDetails) {
		this.includeDetails = includeDetails;
	}

	boolean includeDetails() {
		return this.includeDetails;
	}

	/**
	 * The {@code reasons} of a transition in an entity's view: the states it starts from
	 * when the entity is in another; otherwise a sentence, followed by the expressions
	 * when details are included.
	 */
	List<String> reasons(TransitionOption option) {
		String sentence = switch (option.status()) {
			case WRONG_STATE, ALLOWED -> null;
			case DENIED -> DENIED;
			case CONDITIONS_FAILED -> CONDITIONS_FAILED;
			case GUARD_FAILED -> GUARD_FAILED;
			case NEEDS_INPUT -> NEEDS_INPUT;
		};
		if (sentence == null) {
			return option.reasons();
		}
		List<String> reasons = new ArrayList<>();
		reasons.add(sentence);
		if (this.includeDetails) {
			reasons.addAll(option.reasons());
		}
		return reasons;
	}

	/**
	 * The {@code detail} of a 403 for a transition the user may not fire: the
	 * permission's message ({@link TransitionDeniedException#getUserMessage()}), or a
	 * sentence naming the transition when none is declared.
	 */
	String denied(TransitionDeniedException ex) {
		if (this.includeDetails) {
			return String.valueOf(ex.getMessage());
		}
		return !ex.getUserMessage().equals(WorkflowMessages.Sentences.DENIED) ? ex.getUserMessage()
				: "You may not fire transition '" + ex.getTransition() + "' on this "
						+ ex.getEntityType().getSimpleName() + ".";
	}

	/**
	 * The {@code detail} of a 422 for a transition whose conditions do not hold: the
	 * failed conditions' messages
	 * ({@link TransitionConditionException#getUserMessage()}), or a sentence naming the
	 * transition when none is declared.
	 */
	String conditionsFailed(TransitionConditionException ex) {
		if (this.includeDetails) {
			return String.valueOf(ex.getMessage());
		}
		return !ex.getUserMessage().equals(WorkflowMessages.Sentences.CONDITIONS_FAILED) ? ex.getUserMessage()
				: "Transition '" + ex.getTransition() + "' is not possible on this "
						+ ex.getEntityType().getSimpleName() + " now: its conditions are not met.";
	}

	/**
	 * The names of the failed conditions declared with {@code @Condition}: names, never
	 * expressions, so shown to every user.
	 */
	static List<String> namedConditions(TransitionConditionException ex) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < ex.getFailedConditionNames().size(); i++) {
			String name = ex.getFailedConditionNames().get(i);
			if (i >= ex.getFailedConditions().size() || !name.equals(ex.getFailedConditions().get(i))) {
				names.add(name);
			}
		}
		return names;
	}

}
