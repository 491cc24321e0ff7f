package dev.fsm.metamodel;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionDefinition;

/**
 * One source/target pair of a transition: one {@code @Transition} declaration, compiled.
 */
public final class RouteModel {

	private final boolean anySource;

	private final boolean anyOther;

	private final Set<Object> sources;

	private final List<Object> targets;

	private final @Nullable Object onError;

	private final @Nullable TransitionPermission permission;

	private final List<TransitionCondition> conditions;

	private final TransitionDefinition definition;

	RouteModel(boolean anySource, boolean anyOther, Set<Object> sources, List<Object> targets,
			@Nullable Object onError, @Nullable TransitionPermission permission, List<TransitionCondition> conditions,
			TransitionDefinition definition) {
		this.anySource = anySource;
		this.anyOther = anyOther;
		this.sources = Set.copyOf(sources);
		this.targets = List.copyOf(targets);
		this.onError = onError;
		this.permission = permission;
		this.conditions = List.copyOf(conditions);
		this.definition = definition;
	}

	/** Whether the transition may start from {@code state}. */
	public boolean matches(@Nullable Object state) {
		if (this.anySource) {
			return true;
		}
		if (this.anyOther) {
			return !this.targets.contains(state);
		}
		return state != null && this.sources.contains(state);
	}

	/** The target values: empty for check-only, several for a dynamic target. */
	public List<Object> targets() {
		return this.targets;
	}

	/** The single target, or {@code null} for check-only and dynamic routes. */
	public @Nullable Object fixedTarget() {
		return (this.targets.size() == 1) ? this.targets.get(0) : null;
	}

	/**
	 * The name of the state this route moves to from {@code source}: its target, the source
	 * itself for a check-only route, {@code null} for a dynamic route (the body chooses).
	 */
	public @Nullable String targetName(@Nullable Object source, StateType type) {
		if (isDynamic()) {
			return null;
		}
		Object target = fixedTarget();
		if (target != null) {
			return type.name(target);
		}
		return (source != null) ? type.name(source) : null;
	}

	public boolean isDynamic() {
		return this.targets.size() > 1;
	}

	public @Nullable Object onError() {
		return this.onError;
	}

	public @Nullable TransitionPermission permission() {
		return this.permission;
	}

	public List<TransitionCondition> conditions() {
		return this.conditions;
	}

	/** The public, read-only view of this route. */
	public TransitionDefinition definition() {
		return this.definition;
	}

}
