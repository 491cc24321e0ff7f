package dev.fsm.metamodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionDefinition;
import dev.fsm.Workflow;

/**
 * One workflow: a state field of an entity type and its transitions. Built by
 * {@link WorkflowIntrospector}, read-only once the registry holds it.
 */
public final class WorkflowModel {

	private final String name;

	private final Class<?> entityType;

	private final StateAccessor state;

	private final List<String> states;

	private final String initialState;

	private final Map<String, TransitionModel> transitions = new LinkedHashMap<>();

	private volatile @Nullable Workflow view;

	WorkflowModel(String name, Class<?> entityType, StateAccessor state, List<String> states, String initialState) {
		this.name = name;
		this.entityType = entityType;
		this.state = state;
		this.states = List.copyOf(states);
		this.initialState = initialState;
	}

	public String name() {
		return this.name;
	}

	public Class<?> entityType() {
		return this.entityType;
	}

	public StateAccessor state() {
		return this.state;
	}

	public String initialState() {
		return this.initialState;
	}

	/**
	 * The state names: enum constants, {@code @StateField(states)}, or else the initial state and
	 * every state a transition names.
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

	/** The public read-only model; built once the workflow is complete, when the registry takes it. */
	public Workflow view() {
		Workflow view = this.view;
		if (view == null) {
			List<TransitionDefinition> definitions = new ArrayList<>();
			this.transitions.values().forEach((t) -> t.routes().forEach((r) -> definitions.add(r.definition())));
			view = new Workflow(this.name, this.entityType, this.state.field().getName(), this.state.type().javaType(),
					this.states, this.initialState, definitions);
			this.view = view;
		}
		return view;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
