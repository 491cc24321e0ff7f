package dev.fsm.metamodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionRoute;

/**
 * One source/target pair of a transition: one {@code @Transition} declaration, compiled.
 * <p>
 * Public because the engine runs on it.
 */
public final class RouteModel {

	private final boolean anySource;

	private final boolean anyOther;

	private final Set<Object> sources;

	private final List<Object> targets;

	private final @Nullable Object onError;

	private final @Nullable TransitionPermission permission;

	private final List<TransitionCondition> conditions;

	private final TransitionRoute view;

	private final Set<TransitionCondition> conditionsNeedingInput;

	private final boolean permissionNeedsInput;

	private final @Nullable MessageTemplate permissionMessage;

	RouteModel(boolean anySource, boolean anyOther, Set<Object> sources, List<Object> targets, @Nullable Object onError,
			@Nullable TransitionPermission permission, List<TransitionCondition> conditions, TransitionRoute view,
			List<String> argumentNames) {
		this(anySource, anyOther, sources, targets, onError, permission, conditions, view, argumentNames, null);
	}

	RouteModel(boolean anySource, boolean anyOther, Set<Object> sources, List<Object> targets, @Nullable Object onError,
			@Nullable TransitionPermission permission, List<TransitionCondition> conditions, TransitionRoute view,
			List<String> argumentNames, @Nullable MessageTemplate permissionMessage) {
		this.permissionMessage = permissionMessage;
		this.anySource = anySource;
		this.anyOther = anyOther;
		this.sources = Set.copyOf(sources);
		this.targets = List.copyOf(targets);
		this.onError = onError;
		this.permission = permission;
		this.conditions = List.copyOf(conditions);
		this.view = view;
		Set<TransitionCondition> needingInput = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (TransitionCondition condition : this.conditions) {
			if (!Collections.disjoint(condition.variables(), argumentNames)) {
				needingInput.add(condition);
			}
		}
		this.conditionsNeedingInput = Collections.unmodifiableSet(needingInput);
		this.permissionNeedsInput = permission != null && !Collections.disjoint(permission.variables(), argumentNames);
	}

	/**
	 * Whether the transition may start from {@code state}; never from {@code null}, which
	 * is no state.
	 */
	public boolean matches(@Nullable Object state) {
		if (state == null) {
			return false;
		}
		if (this.anySource) {
			return true;
		}
		if (this.anyOther) {
			return !this.targets.contains(state);
		}
		return this.sources.contains(state);
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
	 * The name of the state this route moves to from {@code source}: its target, the
	 * source itself for a check-only route, {@code null} for a dynamic route (the body
	 * chooses).
	 */
	public @Nullable String targetName(@Nullable Object source, StateAccessor state) {
		if (isDynamic()) {
			return null;
		}
		Object target = fixedTarget();
		if (target != null) {
			return state.name(target);
		}
		return (source != null) ? state.name(source) : null;
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

	/**
	 * What a user the permission refuses is told, as declared
	 * ({@link dev.fsm.Transition#permissionMessage()}); {@code null} when nothing was
	 * declared.
	 */
	public @Nullable MessageTemplate permissionMessage() {
		return this.permissionMessage;
	}

	public List<TransitionCondition> conditions() {
		return this.conditions;
	}

	/**
	 * Whether {@code condition} reads one of the method's arguments, which queries such
	 * as {@code available(entity)} do not have.
	 */
	public boolean needsInput(TransitionCondition condition) {
		return this.conditionsNeedingInput.contains(condition);
	}

	/** Whether the permission reads one of the method's arguments. */
	public boolean permissionNeedsInput() {
		return this.permissionNeedsInput;
	}

	/** The expressions of the guards that read the method's arguments. */
	public List<String> guardsNeedingInput() {
		List<String> guards = new ArrayList<>();
		this.conditions.stream().filter(this::needsInput).forEach((c) -> guards.add(c.expression()));
		TransitionPermission permission = this.permission;
		if (permission != null && this.permissionNeedsInput) {
			guards.add(permission.expression());
		}
		return guards;
	}

	/** The public, read-only view of this route. */
	public TransitionRoute view() {
		return this.view;
	}

}
