package dev.fsm.metamodel;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

import dev.fsm.StateField;
import dev.fsm.StateInfo;
import dev.fsm.Workflow;

/**
 * The {@link StateInfo} declarations of one workflow, read from the state field and the
 * constants of its enum, then resolved against the workflow's states into one
 * {@link Workflow.StateDetails} per state, each with its "stuck after" decided: the
 * state's own, else the workflow's ({@link StateField#stuckAfter()}), else
 * {@code fsm.stuck-after}. Problems are collected, not thrown.
 */
final class StateInfos {

	/** Where no property says otherwise, an entity is stuck after a week in a state. */
	static final String DEFAULT_STUCK_AFTER = "${fsm.stuck-after:7d}";

	private StateInfos() {
	}

	/** The declarations by state name, in declaration order. */
	static Map<String, StateInfo> declared(String where, Field field, List<String> problems) {
		Map<String, StateInfo> declared = new LinkedHashMap<>();
		for (StateInfo info : field.getAnnotationsByType(StateInfo.class)) {
			if (!StringUtils.hasText(info.value())) {
				problems.add(where + " has a @StateInfo on its state field without the state it describes; write"
						+ " @StateInfo(value = \"STATE\", ..)");
			}
			else {
				put(where, declared, info.value().trim(), info, problems);
			}
		}
		if (field.getType().isEnum()) {
			for (Field constant : field.getType().getDeclaredFields()) {
				if (!constant.isEnumConstant()) {
					continue;
				}
				for (StateInfo info : constant.getAnnotationsByType(StateInfo.class)) {
					if (StringUtils.hasText(info.value()) && !info.value().trim().equals(constant.getName())) {
						problems.add(where + ": @StateInfo on the constant " + constant.getName() + " names the state '"
								+ info.value() + "'; on an enum constant, the constant is the state described");
					}
					else {
						put(where, declared, constant.getName(), info, problems);
					}
				}
			}
		}
		return declared;
	}

	private static void put(String where, Map<String, StateInfo> declared, String state, StateInfo info,
			List<String> problems) {
		if (declared.putIfAbsent(state, info) != null) {
			problems.add(where + " has two @StateInfo declarations for state '" + state + "'; declare it once");
		}
	}

	/**
	 * One {@link Workflow.StateDetails} per state, in the workflow's order.
	 * @param stuckAfter the workflow's {@link StateField#stuckAfter()}, empty for the
	 * default
	 * @param placeholders resolves {@code ${..}} placeholders
	 */
	static List<Workflow.StateDetails> resolve(String workflow, List<String> states, Map<String, StateInfo> declared,
			String stuckAfter, UnaryOperator<String> placeholders, List<String> problems) {
		String where = "Workflow '" + workflow + "'";
		declared.keySet()
			.stream()
			.filter((state) -> !states.contains(state))
			.forEach((state) -> problems
				.add(where + " has a @StateInfo for '" + state + "', which is none of its" + " states " + states));
		Duration fallback = duration(where + ": fsm.stuck-after", DEFAULT_STUCK_AFTER, placeholders, problems);
		Duration workflowDefault = StringUtils.hasText(stuckAfter)
				? duration(where + ": @StateField(stuckAfter)", stuckAfter, placeholders, problems) : fallback;
		List<Workflow.StateDetails> details = new ArrayList<>();
		for (String state : states) {
			StateInfo info = declared.get(state);
			Duration stuck = (workflowDefault != null) ? workflowDefault : Workflow.DEFAULT_STUCK_AFTER;
			if (info != null && StringUtils.hasText(info.stuckAfter())) {
				Duration own = duration(where + ": @StateInfo(stuckAfter) of state '" + state + "'", info.stuckAfter(),
						placeholders, problems);
				stuck = (own != null) ? own : stuck;
			}
			details.add(new Workflow.StateDetails(state, (info != null) ? text(info.label()) : null,
					(info != null) ? text(info.description()) : null, stuck));
		}
		return details;
	}

	private static @Nullable String text(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	private static @Nullable Duration duration(String where, String text, UnaryOperator<String> placeholders,
			List<String> problems) {
		String resolved;
		try {
			resolved = placeholders.apply(text).trim();
		}
		catch (IllegalArgumentException ex) {
			problems.add(where + " is \"" + text + "\", which cannot be resolved: " + ex.getMessage());
			return null;
		}
		String shown = resolved.equals(text) ? "\"" + text + "\"" : "\"" + text + "\" (\"" + resolved + "\")";
		Duration duration;
		try {
			duration = DurationStyle.detectAndParse(resolved);
		}
		catch (IllegalArgumentException ex) {
			problems.add(where + " is " + shown + ", which is no duration; write \"7d\", \"12h\" or \"PT30M\"");
			return null;
		}
		if (duration.isNegative() || duration.isZero()) {
			problems.add(where + " is " + shown + "; an entity is stuck after a positive duration");
			return null;
		}
		return duration;
	}

}
