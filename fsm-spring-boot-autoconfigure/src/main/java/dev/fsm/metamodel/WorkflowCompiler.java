package dev.fsm.metamodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

import dev.fsm.Transition;
import dev.fsm.TransitionRoute;

/**
 * Compiles workflow drafts into models: resolves state names and compiles guard
 * expressions; {@link RouteChecks} then checks each workflow as a whole. Problems are
 * collected, not thrown.
 */
final class WorkflowCompiler {

	private final GuardCompiler guards;

	private final RouteChecks checks;

	private final List<String> problems;

	private final TimedRoutes timers;

	private final UnaryOperator<String> placeholders;

	/**
	 * The {@code @Condition} declarations of each class that declares transitions, read
	 * once.
	 */
	private final Map<List<Class<?>>, NamedConditions> namedConditions = new HashMap<>();

	WorkflowCompiler(GuardCompiler guards, boolean failOnUnreachableStates, List<String> problems) {
		this(guards, failOnUnreachableStates, WorkflowIntrospector.systemPlaceholders(), problems);
	}

	/**
	 * @param placeholders resolves the {@code ${..}} placeholders of durations (timers,
	 * "stuck after")
	 */
	WorkflowCompiler(GuardCompiler guards, boolean failOnUnreachableStates, UnaryOperator<String> placeholders,
			List<String> problems) {
		this.guards = guards;
		this.checks = new RouteChecks(failOnUnreachableStates, problems);
		this.problems = problems;
		this.timers = new TimedRoutes(placeholders, problems);
		this.placeholders = placeholders;
	}

	/** The compiled workflows, ordered by name. */
	List<WorkflowModel> compile(List<WorkflowDraft> drafts) {
		List<WorkflowModel> models = new ArrayList<>();
		for (WorkflowDraft draft : drafts) {
			models.add(compile(draft));
		}
		models.sort(Comparator.comparing(WorkflowModel::name));
		return models;
	}

	private WorkflowModel compile(WorkflowDraft draft) {
		// reflection returns methods in no particular order: sort for stable states and
		// transitions
		List<TransitionDraft> drafts = new ArrayList<>(draft.transitions());
		drafts.sort(Comparator.comparing(TransitionDraft::name));
		List<String> states = states(draft, drafts);
		StateGroups groups = StateGroups.resolve(draft.name(), states, draft.groups(), this.problems);
		drafts.sort(Comparator.comparingInt((TransitionDraft t) -> firstSource(t, states, groups))
			.thenComparing(TransitionDraft::name));
		resolve(draft, draft.initialState(), "initial state");
		List<String> startStates = new ArrayList<>();
		for (String start : draft.startStates()) {
			if (resolve(draft, start, "Start state") != null) {
				startStates.add(start);
			}
		}
		WorkflowModel model = new WorkflowModel(draft.name(), draft.entityName(), draft.entityType(), draft.accessor(),
				states, draft.initialState(), startStates, draft.concurrency());
		model.stateChangedAt(draft.stateChangedAt());
		model.groups(groups.views());
		model.stateDetails(StateInfos.resolve(draft.name(), states, draft.stateInfos(), draft.stuckAfter(),
				this.placeholders, this.problems));
		compileReads(draft, model);
		for (TransitionDraft transition : drafts) {
			List<RouteModel> routes = new ArrayList<>();
			for (Transition declaration : transition.declarations()) {
				routes.add(route(draft, transition, declaration, states, groups));
			}
			this.checks.checkAmbiguousRoutes(draft, transition, routes, states);
			ConcurrencyPolicy concurrency = draft.concurrency()
				.with(transition.declarations(),
						"Transition '" + transition.name() + "' of workflow '" + draft.name() + "'", this.problems);
			TransitionModel transitionModel = new TransitionModel(transition.name(), model, transition.owner(),
					transition.method(), transition.beanName(), transition.entityParameterIndex(),
					transition.parameterNames(), routes, transition.kotlin(), concurrency);
			model.add(transitionModel);
			for (int i = 0; i < routes.size(); i++) {
				TimedRoute timer = this.timers.compile(draft, transitionModel, transition.declarations().get(i),
						routes.get(i));
				if (timer != null) {
					model.addTimer(timer);
				}
			}
		}
		if (draft.isComplete()) {
			// a rejected transition would make its targets look unreachable: no follow-on
			// error
			this.checks.checkReachability(model, states);
		}
		return model;
	}

	private RouteModel route(WorkflowDraft draft, TransitionDraft transition, Transition declaration,
			List<String> states, StateGroups groups) {
		String where = "Transition '" + transition.name() + "' of workflow '" + draft.name() + "'";
		Sources sources = sources(draft, declaration, where, groups);
		Targets targets = targets(draft, transition, declaration, where);
		if (sources.anyOther() && targets.values().size() != 1) {
			this.problems.add(where + " has source '+' (any state but the target), which needs exactly one target");
		}
		List<String> sourceNames = sources.names();
		if (sources.any() || sources.anyOther()) {
			sourceNames = new ArrayList<>(states);
			if (sources.anyOther()) {
				sourceNames.removeAll(targets.names());
			}
		}
		String onErrorName = StringUtils.hasText(declaration.onError()) ? declaration.onError() : null;
		Object onError = (onErrorName != null) ? resolve(draft, onErrorName, where + " onError state") : null;
		String permissionText = StringUtils.hasText(declaration.permission()) ? declaration.permission()
				: this.guards.defaultPermission();
		Set<String> entityVariables = entityVariables(transition);
		TransitionPermission permission = (permissionText != null)
				? permission(permissionText, where, draft.entityType(), entityVariables) : null;
		String label = StringUtils.hasText(declaration.label()) ? declaration.label() : transition.name();
		String confirm = StringUtils.hasText(declaration.confirm()) ? declaration.confirm().trim() : null;
		TransitionRoute view = new TransitionRoute(draft.name(), transition.name(), label, declaration.description(),
				sourceNames, targets.names(), onErrorName, permissionText, List.of(declaration.conditions()),
				properties(declaration, where), transition.parameters(), confirm);
		MessageTemplate permissionMessage = MessageTemplate.declared(declaration.permissionMessage(),
				where + " has permissionMessage", draft.entityType(), this.problems);
		if (permissionMessage != null && permissionText == null) {
			this.problems.add(where + " has a permissionMessage but no permission; declare the permission, or remove"
					+ " the message");
		}
		NamedConditions named = this.namedConditions.computeIfAbsent(List.of(transition.owner(), draft.entityType()),
				(key) -> NamedConditions.declared(transition.owner(), draft.entityType(), this.guards, this.problems));
		return new RouteModel(sources.any(), sources.anyOther(), sources.values(), targets.values(), onError,
				permission, conditions(declaration, where, draft.entityType(), entityVariables, named), view,
				transition.argumentNames(), permissionMessage);
	}

	/**
	 * The declared sources: wildcards, and the state values of the names that resolve,
	 * groups' states included.
	 */
	private Sources sources(WorkflowDraft draft, Transition declaration, String where, StateGroups groups) {
		boolean any = false;
		boolean anyOther = false;
		Set<Object> values = new LinkedHashSet<>();
		List<String> names = new ArrayList<>();
		for (String source : declaration.source()) {
			if (Transition.ANY.equals(source)) {
				any = true;
			}
			else if (Transition.ANY_OTHER.equals(source)) {
				anyOther = true;
			}
			else if (groups.contains(source)) {
				for (String state : groups.states(source)) {
					if (values.add(draft.accessor().type().value(state))) {
						names.add(state);
					}
				}
			}
			else if (!draft.groups().containsKey(source)) {
				// a group that did not resolve is reported with the groups
				Object value = resolve(draft, source, where + " source");
				if (value != null && values.add(value)) {
					names.add(source);
				}
			}
		}
		return new Sources(any, anyOther, values, names);
	}

	/** The declared targets; several need a method that returns the chosen one. */
	private Targets targets(WorkflowDraft draft, TransitionDraft transition, Transition declaration, String where) {
		List<Object> values = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (String target : declaration.target()) {
			if (Transition.ANY.equals(target) || Transition.ANY_OTHER.equals(target)) {
				this.problems.add(where + " uses '" + target + "' as a target; wildcards are for sources only");
				continue;
			}
			Object value = resolve(draft, target, where + " target");
			if (value != null) {
				values.add(value);
				names.add(target);
			}
		}
		if (values.size() > 1 && transition.method().getReturnType() == void.class) {
			this.problems.add(where + " has several targets " + names + " but " + transition.method().getName()
					+ "() returns void; a dynamic transition returns the chosen state");
		}
		return new Targets(values, names);
	}

	private @Nullable TransitionPermission permission(String expression, String where, Class<?> entityType,
			Set<String> entityVariables) {
		TransitionPermission permission;
		try {
			permission = this.guards.permission(expression);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			this.problems.add(where + " has permission \"" + expression + "\" that cannot be used: " + ex.getMessage());
			return null;
		}
		for (String unreadable : permission.unreadable(entityType, entityVariables)) {
			this.problems.add(where + " has permission \"" + expression + "\" that " + unreadable);
		}
		return permission;
	}

	/** {@code @StateField(readPermission, readFilter)}, compiled like permissions. */
	private void compileReads(WorkflowDraft draft, WorkflowModel model) {
		String where = "Workflow '" + draft.name() + "'";
		WorkflowDraft.ReadRules reads = draft.reads();
		TransitionPermission permission = null;
		if (!reads.permission().isEmpty()) {
			try {
				permission = this.guards.permission(reads.permission());
				for (String unreadable : permission.unreadable(draft.entityType(), Set.of("entity"))) {
					this.problems.add(where + " has readPermission \"" + reads.permission() + "\" that " + unreadable);
				}
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				this.problems.add(where + " has readPermission \"" + reads.permission() + "\" that cannot be used: "
						+ ex.getMessage());
			}
		}
		ReadFilter filter = null;
		if (!reads.filter().isEmpty()) {
			try {
				filter = ReadFilter.compile(reads.filter(), this.guards::user);
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				this.problems
					.add(where + " has readFilter \"" + reads.filter() + "\" that cannot be used: " + ex.getMessage());
			}
		}
		model.reads(permission, filter);
	}

	private List<TransitionCondition> conditions(Transition declaration, String where, Class<?> entityType,
			Set<String> entityVariables, NamedConditions named) {
		List<TransitionCondition> conditions = new ArrayList<>();
		for (String expression : declaration.conditions()) {
			NamedCondition declared = named.get(expression.trim());
			if (declared != null) {
				conditions.add(declared);
				continue;
			}
			TransitionCondition condition;
			try {
				condition = this.guards.condition(expression);
			}
			catch (IllegalArgumentException ex) {
				this.problems
					.add(where + " has condition \"" + expression + "\" that does not parse: " + ex.getMessage());
				continue;
			}
			for (String unreadable : condition.unreadable(entityType, entityVariables)) {
				this.problems.add(where + " has condition \"" + expression + "\" that " + unreadable
						+ named.suggestion(expression));
			}
			conditions.add(condition);
		}
		return conditions;
	}

	/**
	 * The variables a guard reads the entity from: {@code #entity}, and a flow bean
	 * method's entity parameter.
	 */
	private static Set<String> entityVariables(TransitionDraft transition) {
		int index = transition.entityParameterIndex();
		return (index >= 0) ? Set.copyOf(List.of("entity", transition.parameterNames()[index])) : Set.of("entity");
	}

	private Map<String, String> properties(Transition declaration, String where) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (String property : declaration.properties()) {
			int separator = property.indexOf('=');
			if (separator <= 0) {
				this.problems.add(where + " has property \"" + property + "\"; properties are written \"key=value\"");
				continue;
			}
			properties.put(property.substring(0, separator).trim(), property.substring(separator + 1).trim());
		}
		return properties;
	}

	private record Sources(boolean any, boolean anyOther, Set<Object> values, List<String> names) {
	}

	private record Targets(List<Object> values, List<String> names) {
	}

	/**
	 * The position of the earliest state a transition starts from; wildcards count as the
	 * first state, a group as its first state.
	 */
	private static int firstSource(TransitionDraft transition, List<String> states, StateGroups groups) {
		int first = Integer.MAX_VALUE;
		for (Transition declaration : transition.declarations()) {
			for (String source : declaration.source()) {
				List<String> members = groups.states(source);
				int index = (Transition.ANY.equals(source) || Transition.ANY_OTHER.equals(source)) ? 0
						: states.indexOf(members.isEmpty() ? source : members.get(0));
				if (index >= 0) {
					first = Math.min(first, index);
				}
			}
		}
		return first;
	}

	private List<String> states(WorkflowDraft draft, List<TransitionDraft> transitions) {
		if (!draft.declaredStates().isEmpty()) {
			return draft.declaredStates();
		}
		Set<String> states = new LinkedHashSet<>();
		states.add(draft.initialState());
		states.addAll(draft.startStates());
		for (TransitionDraft transition : transitions) {
			for (Transition declaration : transition.declarations()) {
				// a group is no state: it names some
				for (String source : declaration.source()) {
					if (!Transition.ANY.equals(source) && !Transition.ANY_OTHER.equals(source)
							&& !draft.groups().containsKey(source)) {
						states.add(source);
					}
				}
				for (String target : declaration.target()) {
					if (!Transition.ANY.equals(target) && !Transition.ANY_OTHER.equals(target)
							&& !draft.groups().containsKey(target)) {
						states.add(target);
					}
				}
				if (StringUtils.hasText(declaration.onError()) && !draft.groups().containsKey(declaration.onError())) {
					states.add(declaration.onError());
				}
			}
		}
		// names that are no state of the type (an int field's "two") are reported where
		// they are used
		List<String> valid = new ArrayList<>();
		for (String state : states) {
			try {
				draft.accessor().type().value(state);
				valid.add(state);
			}
			catch (IllegalArgumentException ex) {
				// reported by resolve()
			}
		}
		return valid;
	}

	private @Nullable Object resolve(WorkflowDraft draft, String name, String where) {
		if (draft.groups().containsKey(name) && !draft.declaredStates().contains(name)) {
			this.problems.add(where + " '" + name + "' is a state group of workflow '" + draft.name()
					+ "', not a state; only a transition's source may name a group");
			return null;
		}
		if (!draft.declaredStates().isEmpty() && !draft.declaredStates().contains(name)) {
			this.problems.add(where + " '" + name + "' is not a state of workflow '" + draft.name() + "' "
					+ draft.declaredStates());
			return null;
		}
		try {
			return draft.accessor().type().value(name);
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(where + " '" + name + "' of workflow '" + draft.name() + "': " + ex.getMessage());
			return null;
		}
	}

}
