package dev.fsm.metamodel;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.fsm.Transition;

/**
 * Compiles {@code @Transition(after = ..)}: resolves the duration's placeholder and
 * checks that the scheduler can find and fire the transition (positive duration, no
 * arguments, a target that is no source, a {@code @StateChangedAt} attribute). Problems
 * are collected, not thrown.
 */
final class TimedRoutes {

	private final UnaryOperator<String> placeholders;

	private final List<String> problems;

	TimedRoutes(UnaryOperator<String> placeholders, List<String> problems) {
		this.placeholders = placeholders;
		this.problems = problems;
	}

	/**
	 * The timed route of one declaration, {@code null} when it is not timed or is
	 * declared wrongly.
	 */
	@Nullable TimedRoute compile(WorkflowDraft draft, TransitionModel transition, Transition declaration, RouteModel route) {
		String text = declaration.after().trim();
		if (text.isEmpty()) {
			return null;
		}
		String where = "Transition '" + transition.name() + "' of workflow '" + draft.name() + "'";
		String timed = where + " is timed (after = \"" + text + "\")";
		Duration after = duration(where, text);
		boolean valid = after != null;
		if (!transition.argumentNames().isEmpty()) {
			this.problems.add(timed + " but takes arguments " + transition.argumentNames()
					+ "; the scheduler that fires it has none to give");
			valid = false;
		}
		List<String> targets = route.view().targets();
		if (targets.isEmpty()) {
			this.problems.add(timed + " but has no target; a timed transition must leave its source state");
			valid = false;
		}
		for (String target : targets) {
			if (route.view().sources().contains(target)) {
				this.problems.add(timed + " but may start from its target state '" + target + "'; a timed transition"
						+ " must leave its source state, or it would be due again as soon as it fired");
				valid = false;
			}
		}
		if (draft.stateChangedAt() == null) {
			this.problems.add(timed + " but " + draft.entityType().getSimpleName() + " has no @StateChangedAt attribute"
					+ " for field '" + draft.accessor().field().getName() + "'; add one (an Instant the engine sets"
					+ " when the state changes) so that due entities are found by state and time");
			valid = false;
		}
		if (!valid || after == null) {
			return null;
		}
		List<Object> sources = new ArrayList<>();
		for (String source : route.view().sources()) {
			sources.add(draft.accessor().value(source));
		}
		return new TimedRoute(transition, sources, route.view().sources(), after);
	}

	private @Nullable Duration duration(String where, String text) {
		String resolved;
		try {
			resolved = this.placeholders.apply(text).trim();
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(where + " has after = \"" + text + "\" that cannot be resolved: " + ex.getMessage());
			return null;
		}
		String shown = resolved.equals(text) ? "\"" + text + "\"" : "\"" + text + "\" (\"" + resolved + "\")";
		Duration duration;
		try {
			duration = Duration.parse(resolved);
		}
		catch (DateTimeParseException ex) {
			this.problems.add(where + " has after = " + shown + ", which is not a duration; write an ISO-8601"
					+ " duration such as P30D, PT48H or PT15M");
			return null;
		}
		if (duration.isNegative() || duration.isZero()) {
			this.problems.add(where + " has after = " + shown + "; a timed transition waits a positive duration");
			return null;
		}
		return duration;
	}

}
