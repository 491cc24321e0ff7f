package dev.fsm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The read-only model of one workflow: a {@link StateField} of an entity type, its states and
 * its transitions.
 *
 * @param name the workflow name, {@code Entity.field} unless named explicitly
 * @param entityType the entity class
 * @param entityName the entity's name in workflow names and the audit trail: the JPA entity name
 * (the simple class name unless {@code @Entity(name = ..)}), or the simple class name without JPA
 * @param field the name of the state field
 * @param stateType the Java type of the state field
 * @param states the state names, enum constants in declaration order
 * @param initialState the initial state
 * @param transitions every source/target pair of every transition, in declaration order
 */
public record Workflow(String name, Class<?> entityType, String entityName, String field, Class<?> stateType, List<String> states,
		String initialState, List<TransitionRoute> transitions) {

	public Workflow {
		states = List.copyOf(states);
		transitions = List.copyOf(transitions);
	}

	/** The declarations of the transition called {@code name}; empty when there is none. */
	public List<TransitionRoute> transitions(String name) {
		return this.transitions.stream().filter((t) -> t.name().equals(name)).toList();
	}

	/** The distinct transition names, in declaration order. */
	public Set<String> transitionNames() {
		Set<String> names = new LinkedHashSet<>();
		this.transitions.forEach((t) -> names.add(t.name()));
		return names;
	}

	/** States no transition leaves (self-loops and check-only transitions aside). */
	public Set<String> finalStates() {
		Set<String> result = new LinkedHashSet<>(this.states);
		for (TransitionRoute transition : this.transitions) {
			for (String source : transition.sources()) {
				if (transition.targets().stream().anyMatch((target) -> !target.equals(source))) {
					result.remove(source);
				}
			}
		}
		return result;
	}

}
