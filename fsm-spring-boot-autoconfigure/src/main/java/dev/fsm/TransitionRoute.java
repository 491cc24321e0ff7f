package dev.fsm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One route of a transition, the read-only model of one {@link Transition} declaration:
 * from its sources to its targets, with its own guards, label and properties. A
 * transition method with several stacked declarations has one route per declaration, all
 * with the same name; the questions ({@code available}, {@code allowed}) answer with the
 * route that starts from the entity's current state.
 *
 * @param workflow the name of the workflow
 * @param name the transition name
 * @param label the label, the name when none was declared
 * @param description the description, empty when none was declared
 * @param sources the states it starts from, with {@code *} and {@code +} expanded
 * @param targets the target states: none for a check-only transition, several for a
 * dynamic one
 * @param onError the state taken when the body throws, or {@code null}
 * @param permission the Spring Security expression, or {@code null}
 * @param conditions the condition expressions
 * @param properties the custom properties
 * @param parameters what a caller supplies when firing it: the method's parameters, but
 * the entity of a flow bean's method
 * @param confirm the question to ask before firing it ({@link Transition#confirm()}),
 * {@code null} when none was declared
 */
public record TransitionRoute(String workflow, String name, String label, String description, List<String> sources,
		List<String> targets, @Nullable String onError, @Nullable String permission, List<String> conditions,
		Map<String, String> properties, List<TransitionParameter> parameters, @Nullable String confirm) {

	public TransitionRoute {
		sources = List.copyOf(sources);
		targets = List.copyOf(targets);
		conditions = List.copyOf(conditions);
		properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
		parameters = List.copyOf(parameters);
	}

	/** A route without a confirmation question. */
	public TransitionRoute(String workflow, String name, String label, String description, List<String> sources,
			List<String> targets, @Nullable String onError, @Nullable String permission, List<String> conditions,
			Map<String, String> properties, List<TransitionParameter> parameters) {
		this(workflow, name, label, description, sources, targets, onError, permission, conditions, properties,
				parameters, null);
	}

	/** Whether firing it needs arguments. */
	public boolean needsArguments() {
		return !this.parameters.isEmpty();
	}

	/** Whether the method body chooses the target among several. */
	public boolean isDynamic() {
		return this.targets.size() > 1;
	}

	/**
	 * Whether firing it can change the state; {@code false} for check-only transitions.
	 */
	public boolean changesState() {
		return !this.targets.isEmpty();
	}

}
