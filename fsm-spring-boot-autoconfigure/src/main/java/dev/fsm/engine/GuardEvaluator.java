package dev.fsm.engine;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionOption.Status;
import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.TransitionCondition;
import dev.fsm.metamodel.TransitionPermission;

/**
 * Evaluates the permission, then the conditions, of one route: for firing a transition
 * (with its arguments) and for the questions {@code available}, {@code allowed},
 * {@code can} and {@code options} (without them). The permission comes first so that a
 * user who may not fire a transition learns that, and nothing about its conditions (which
 * are not even evaluated for him). A guard that reads an argument it does not have is not
 * evaluated but reported as needing input; a guard that throws is reported, not thrown.
 */
final class GuardEvaluator {

	private GuardEvaluator() {
	}

	/**
	 * @param withArguments whether {@code input} holds the caller's arguments
	 * @param checkPermission whether to evaluate the permission
	 * @param user the user to check, {@code null} for the current one
	 */
	static GuardVerdict evaluate(RouteModel route, GuardInput input, boolean withArguments, boolean checkPermission,
			@Nullable Principal user) {
		List<String> needInput = null;
		TransitionPermission permission = route.permission();
		if (checkPermission && permission != null) {
			if (!withArguments && route.permissionNeedsInput()) {
				needInput = added(needInput, permission.expression());
			}
			else {
				try {
					if (!permission.isGranted(input, user)) {
						return GuardVerdict.of(Status.DENIED, List.of(permission.expression()));
					}
				}
				catch (RuntimeException ex) {
					return GuardVerdict.failed("permission", permission.expression(), ex);
				}
			}
		}
		List<String> failed = null;
		for (TransitionCondition condition : route.conditions()) {
			if (!withArguments && route.needsInput(condition)) {
				needInput = added(needInput, condition.expression());
				continue;
			}
			try {
				if (!condition.holds(input)) {
					failed = added(failed, condition.expression());
				}
			}
			catch (RuntimeException ex) {
				return GuardVerdict.failed("condition", condition.expression(), ex);
			}
		}
		if (failed != null) {
			return GuardVerdict.of(Status.CONDITIONS_FAILED, failed);
		}
		return (needInput != null) ? GuardVerdict.of(Status.NEEDS_INPUT, needInput) : GuardVerdict.ALLOWED;
	}

	/**
	 * {@code list} with {@code expression} added; a list is made for the first one only.
	 */
	private static List<String> added(@Nullable List<String> list, String expression) {
		List<String> result = (list != null) ? list : new ArrayList<>(2);
		result.add(expression);
		return result;
	}

}
