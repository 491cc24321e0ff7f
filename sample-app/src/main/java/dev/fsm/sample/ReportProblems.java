package dev.fsm.sample;

import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionException;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;

/**
 * Says in the author's words why a transition did not happen: the pages show this instead of
 * the exception's developer message (which the log keeps).
 */
final class ReportProblems {

	/** The conditions of the case-report transitions, as a reason. */
	private static final Map<String, String> CONDITIONS = Map.of(CaseReport.APPROVED_BY_AUTHOR,
			"its author has not approved it yet", CaseReport.HAS_TITLE, "it needs a title");

	private final Workflow workflow;

	ReportProblems(Transitions transitions) {
		this.workflow = transitions.workflow(CaseReport.class);
	}

	/**
	 * @param byThisUser whether every change the page missed was this user's own, from another
	 * tab or window
	 */
	String conflict(ConcurrentTransitionException ex, boolean byThisUser) {
		return (byThisUser ? "You changed this case report in another tab or window"
				: "Someone else changed this case report while you were looking at it") + "; it is now "
				+ label(ex.getCurrentState()) + ". Nothing was changed: check the report as it is now and try again.";
	}

	String refusal(TransitionException ex) {
		String action = transitionLabel(ex.getTransition());
		if (ex instanceof TransitionDeniedException) {
			return "You may not " + action.toLowerCase() + " this case report.";
		}
		if (ex instanceof TransitionConditionException condition) {
			return action + " is not possible yet: " + condition.getFailedConditionNames()
				.stream()
				.map((expression) -> CONDITIONS.getOrDefault(expression, expression))
				.collect(Collectors.joining(" and ")) + ".";
		}
		return action + " is not possible while the case report is " + label(ex.getCurrentState()) + ".";
	}

	String transitionLabel(String name) {
		return this.workflow.transitions(name).stream().map(TransitionRoute::label).findFirst().orElse(name);
	}

	private String label(@Nullable String state) {
		String label = this.workflow.states().contains(state) ? this.workflow.state(String.valueOf(state)).label() : null;
		return (label != null) ? label : String.valueOf(state);
	}

}
