package dev.fsm.metamodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;

/**
 * One workflow: a state field of an entity type and its transitions. Built by
 * {@link WorkflowIntrospector}, read-only once the registry holds it.
 * <p>
 * Public because the engine and the JPA integration run on it.
 */
public final class WorkflowModel {

	private final String name;

	private final String entityName;

	private final Class<?> entityType;

	private final StateAccessor state;

	private final List<String> states;

	private final String initialState;

	private final List<String> startStates;

	private final ConcurrencyPolicy concurrency;

	private final Set<Object> stateValues = new HashSet<>();

	private final Set<Object> startValues = new HashSet<>();

	private final Map<String, TransitionModel> transitions = new LinkedHashMap<>();

	private final List<TimedRoute> timers = new ArrayList<>();

	private @Nullable StateTimestamp stateChangedAt;

	private @Nullable TransitionPermission readPermission;

	private @Nullable ReadFilter readFilter;

	private List<Workflow.Group> groups = List.of();

	private List<Workflow.StateDetails> stateDetails = List.of();

	private volatile @Nullable Workflow view;

	WorkflowModel(String name, String entityName, Class<?> entityType, StateAccessor state, List<String> states,
			String initialState, List<String> startStates, ConcurrencyPolicy concurrency) {
		this.name = name;
		this.entityName = entityName;
		this.entityType = entityType;
		this.state = state;
		this.states = List.copyOf(states);
		this.initialState = initialState;
		this.startStates = List.copyOf(startStates);
		this.concurrency = concurrency;
		for (String stateName : this.states) {
			this.stateValues.add(state.type().value(stateName));
		}
		for (String start : this.startStates) {
			this.startValues.add(state.type().value(start));
		}
		try {
			this.startValues.add(state.type().value(initialState));
		}
		catch (IllegalArgumentException ex) {
			// an initial state that is no state of the type is reported by the compiler
		}
	}

	public String name() {
		return this.name;
	}

	/**
	 * The JPA entity name (the simple class name without JPA): how the audit trail names
	 * the type.
	 */
	public String entityName() {
		return this.entityName;
	}

	/** Whether {@code value} is one of the workflow's states; {@code null} never is. */
	public boolean isState(@Nullable Object value) {
		return value != null && this.stateValues.contains(value);
	}

	/**
	 * Whether a new entity may be persisted in {@code value}: the initial state or a
	 * start state.
	 */
	public boolean mayStartIn(@Nullable Object value) {
		return value != null && this.startValues.contains(value);
	}

	/** The states besides the initial one in which a new entity may be persisted. */
	public List<String> startStates() {
		return this.startStates;
	}

	public Class<?> entityType() {
		return this.entityType;
	}

	/**
	 * What the workflow declares on its {@code @StateField} for locking and retries; each
	 * transition's own policy starts from it.
	 */
	public ConcurrencyPolicy concurrency() {
		return this.concurrency;
	}

	public StateAccessor state() {
		return this.state;
	}

	public String initialState() {
		return this.initialState;
	}

	/**
	 * The state names: enum constants, {@code @StateField(states)}, or else the initial
	 * state and every state a transition names.
	 */
	public List<String> states() {
		return this.states;
	}

	public @Nullable TransitionModel transition(String name) {
		return this.transitions.get(name);
	}

	public List<TransitionModel> transitions() {
		return new ArrayList<>(this.transitions.values());
	}

	void add(TransitionModel transition) {
		this.transitions.put(transition.name(), transition);
	}

	/**
	 * The {@code @StateChangedAt} attribute, {@code null} when the entity has none for
	 * this workflow.
	 */
	public @Nullable StateTimestamp stateChangedAt() {
		return this.stateChangedAt;
	}

	void stateChangedAt(@Nullable StateTimestamp timestamp) {
		this.stateChangedAt = timestamp;
	}

	/**
	 * Who may read the workflow's entities through the HTTP API and the console
	 * ({@code @StateField(readPermission)}), {@code null} when it declares none.
	 */
	public @Nullable TransitionPermission readPermission() {
		return this.readPermission;
	}

	/**
	 * Which entities users who do not read all see in lists
	 * ({@code @StateField(readFilter)}), {@code null} when it declares none.
	 */
	public @Nullable ReadFilter readFilter() {
		return this.readFilter;
	}

	void reads(@Nullable TransitionPermission permission, @Nullable ReadFilter filter) {
		this.readPermission = permission;
		this.readFilter = filter;
	}

	/** The state groups ({@code @StateGroup}), outer before inner. */
	public List<Workflow.Group> groups() {
		return this.groups;
	}

	void groups(List<Workflow.Group> groups) {
		this.groups = List.copyOf(groups);
	}

	/**
	 * Each state's label, description and "stuck after" ({@code @StateInfo}), in the
	 * states' order.
	 */
	public List<Workflow.StateDetails> stateDetails() {
		return this.stateDetails;
	}

	void stateDetails(List<Workflow.StateDetails> stateDetails) {
		this.stateDetails = List.copyOf(stateDetails);
	}

	/**
	 * The timed routes ({@code @Transition(after = ..)}) of the workflow's transitions.
	 */
	public List<TimedRoute> timers() {
		return List.copyOf(this.timers);
	}

	void addTimer(TimedRoute timer) {
		this.timers.add(timer);
	}

	/**
	 * The public read-only model; built once the workflow is complete, when the registry
	 * takes it.
	 */
	public Workflow view() {
		Workflow view = this.view;
		if (view == null) {
			List<TransitionRoute> routes = new ArrayList<>();
			this.transitions.values().forEach((t) -> t.routes().forEach((r) -> routes.add(r.view())));
			view = new Workflow(this.name, this.entityType, this.entityName, this.state.field().getName(),
					this.state.type().javaType(), this.states, this.initialState, routes, this.groups,
					this.stateDetails);
			this.view = view;
		}
		return view;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
