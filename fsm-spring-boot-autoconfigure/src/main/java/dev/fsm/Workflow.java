package dev.fsm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The read-only model of one workflow: a {@link StateField} of an entity type, its states
 * and its transitions.
 *
 * @param name the workflow name, {@code Entity.field} unless named explicitly
 * @param entityType the entity class
 * @param entityName the entity's name in workflow names and the audit trail: the JPA
 * entity name (the simple class name unless {@code @Entity(name = ..)}), or the simple
 * class name without JPA
 * @param field the name of the state field
 * @param stateType the Java type of the state field
 * @param states the state names, enum constants in declaration order
 * @param initialState the initial state
 * @param transitions every source/target pair of every transition, in declaration order
 * @param groups the {@link StateGroup state groups}, each outer group before the groups
 * nested in it; empty when the workflow declares none
 * @param stateDetails what {@link StateInfo} says of each state, one per state in the
 * order of {@code states}: a state without a declaration has no label or description and
 * the workflow's "stuck after"
 */
public record Workflow(String name, Class<?> entityType, String entityName, String field, Class<?> stateType,
		List<String> states, String initialState, List<TransitionRoute> transitions, List<Group> groups,
		List<StateDetails> stateDetails) {

	/**
	 * An entity in a state longer than this counts as stuck, unless declared otherwise.
	 */
	public static final Duration DEFAULT_STUCK_AFTER = Duration.ofDays(7);

	public Workflow {
		states = List.copyOf(states);
		transitions = List.copyOf(transitions);
		groups = List.copyOf(groups);
		List<StateDetails> complete = new ArrayList<>();
		for (String state : states) {
			complete.add(stateDetails.stream()
				.filter((details) -> details.name().equals(state))
				.findFirst()
				.orElseGet(() -> new StateDetails(state, null, null, DEFAULT_STUCK_AFTER)));
		}
		stateDetails = List.copyOf(complete);
	}

	/** A workflow without state groups or state details. */
	public Workflow(String name, Class<?> entityType, String entityName, String field, Class<?> stateType,
			List<String> states, String initialState, List<TransitionRoute> transitions) {
		this(name, entityType, entityName, field, stateType, states, initialState, transitions, List.of(), List.of());
	}

	/** A workflow without state details. */
	public Workflow(String name, Class<?> entityType, String entityName, String field, Class<?> stateType,
			List<String> states, String initialState, List<TransitionRoute> transitions, List<Group> groups) {
		this(name, entityType, entityName, field, stateType, states, initialState, transitions, groups, List.of());
	}

	/**
	 * What {@link StateInfo} says of {@code state}.
	 * @throws IllegalArgumentException when the workflow has no such state
	 * @since 0.5.0
	 */
	public StateDetails state(String state) {
		for (StateDetails details : this.stateDetails) {
			if (details.name().equals(state)) {
				return details;
			}
		}
		throw new IllegalArgumentException("Workflow '" + this.name + "' has no state '" + state + "' " + this.states);
	}

	/**
	 * How long an entity may stay in {@code state} before it counts as stuck: the state's
	 * {@link StateInfo#stuckAfter()}, else the workflow's
	 * {@link StateField#stuckAfter()}, else {@code fsm.stuck-after} (7 days unless set).
	 * @throws IllegalArgumentException when the workflow has no such state
	 * @since 0.5.0
	 */
	public Duration stuckAfter(String state) {
		return state(state).stuckAfter();
	}

	/**
	 * The state group called {@code name}.
	 * @throws IllegalArgumentException when the workflow has no such group
	 * @since 0.5.0
	 */
	public Group group(String name) {
		for (Group group : this.groups) {
			if (group.name().equals(name)) {
				return group;
			}
		}
		throw new IllegalArgumentException("Workflow '" + this.name + "' has no state group '" + name + "' "
				+ this.groups.stream().map(Group::name).toList());
	}

	/**
	 * The groups {@code state} is in, outermost first; empty for a state in no group.
	 * @since 0.5.0
	 */
	public List<Group> groupsOf(String state) {
		List<Group> result = new ArrayList<>();
		for (Group group : this.groups) {
			if (group.contains(state)) {
				result.add(group);
			}
		}
		return result;
	}

	/**
	 * Whether {@code state} is the state {@code stateOrGroup}, or one of the states of
	 * the group of that name.
	 * @throws IllegalArgumentException when {@code stateOrGroup} is neither a state nor a
	 * group of this workflow
	 * @since 0.5.0
	 */
	public boolean isIn(@Nullable String state, String stateOrGroup) {
		if (this.states.contains(stateOrGroup)) {
			return stateOrGroup.equals(state);
		}
		for (Group group : this.groups) {
			if (group.name().equals(stateOrGroup)) {
				return group.contains(state);
			}
		}
		throw new IllegalArgumentException("'" + stateOrGroup + "' is neither a state nor a state group of workflow '"
				+ this.name + "' " + this.states + " " + this.groups.stream().map(Group::name).toList());
	}

	/**
	 * The declarations of the transition called {@code name}; empty when there is none.
	 */
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

	/**
	 * What {@link StateInfo} declares of one state.
	 *
	 * @param name the state's name
	 * @param label its declared label, {@code null} when it declares none
	 * @param description its declared description, {@code null} when it declares none
	 * @param stuckAfter how long an entity may stay in it before it counts as stuck
	 * @since 0.5.0
	 */
	public record StateDetails(String name, @Nullable String label, @Nullable String description, Duration stuckAfter) {

	}

	/**
	 * A {@link StateGroup}: a name for several states.
	 *
	 * @param name the group's name
	 * @param states its states, those of the groups nested in it included, in the
	 * workflow's order
	 * @param parent the group it is nested in, {@code null} for an outermost group
	 * @since 0.5.0
	 */
	public record Group(String name, List<String> states, @Nullable String parent) {

		public Group {
			states = List.copyOf(states);
		}

		/** Whether {@code state} is one of the group's states; {@code null} never is. */
		public boolean contains(@Nullable String state) {
			return state != null && this.states.contains(state);
		}

		/**
		 * The group's states as values of the state field's type, for queries of your
		 * own: <pre class="code">
		 * orders.findByStateIn(workflow.group("OPEN").values(OrderState.class))
		 * </pre>
		 * @param stateType the state enum, {@code String} or {@code Integer}
		 * @throws IllegalArgumentException when a state is no value of that type
		 */
		public <S> List<S> values(Class<S> stateType) {
			List<S> values = new ArrayList<>();
			for (String state : this.states) {
				values.add(stateType.cast(value(stateType, state)));
			}
			return values;
		}

		private Object value(Class<?> type, String state) {
			if (type.isEnum()) {
				for (Object constant : type.getEnumConstants()) {
					if (((Enum<?>) constant).name().equals(state)) {
						return constant;
					}
				}
			}
			else if (type == String.class) {
				return state;
			}
			else if (type == Integer.class) {
				try {
					return Integer.valueOf(state);
				}
				catch (NumberFormatException ex) {
					// reported below
				}
			}
			throw new IllegalArgumentException(
					"State '" + state + "' of group '" + this.name + "' is no value of " + type.getSimpleName());
		}

	}

}
