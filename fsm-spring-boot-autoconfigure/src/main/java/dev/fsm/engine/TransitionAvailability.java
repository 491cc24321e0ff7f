package dev.fsm.engine;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.StateAccessor;
import dev.fsm.metamodel.TransitionCondition;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.TransitionPermission;

/**
 * Answers whether a transition could be fired now, without firing it: the questions
 * {@code available}, {@code allowed} and {@code can} of the facade. Method arguments other
 * than the entity are unknown here, so guards see them as {@code null}.
 */
final class TransitionAvailability {

	private TransitionAvailability() {
	}

	/**
	 * The route {@code transition} would take from the entity's current state when its source
	 * matches, its conditions hold and, when {@code checkPermission}, {@code user} (or the
	 * current user) is granted its permission; otherwise {@code null}.
	 */
	static @Nullable RouteModel availableRoute(TransitionModel transition, Object entity, boolean checkPermission,
			@Nullable Principal user) {
		StateAccessor state = transition.workflow().state();
		Object current = state.get(entity);
		RouteModel route = transition.routeFor(current);
		if (route == null) {
			return null;
		}
		@Nullable Object[] arguments = new Object[transition.method().getParameterCount()];
		if (transition.entityParameterIndex() >= 0) {
			arguments[transition.entityParameterIndex()] = entity;
		}
		GuardInput input = new GuardInput(entity, transition.method(), entity, arguments, transition.parameterNames(),
				String.valueOf(state.getName(entity)), route.targetName(current, state.type()));
		for (TransitionCondition condition : route.conditions()) {
			if (!condition.holds(input)) {
				return null;
			}
		}
		TransitionPermission permission = route.permission();
		if (checkPermission && permission != null && !permission.isGranted(input, user)) {
			return null;
		}
		return route;
	}

}
