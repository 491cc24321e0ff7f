package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Published after the source state, conditions and permission have been checked and before
 * the state changes and the body runs, in the transition's transaction. A listener vetoes the
 * transition by throwing: the exception reaches the caller and nothing changes.
 *
 * @param <T> the entity type
 */
public class PreTransitionEvent<T> extends TransitionEvent<T> {

	public PreTransitionEvent(T entity, Workflow workflow, String transition, String sourceState,
			@Nullable String targetState, String actor, List<@Nullable Object> arguments) {
		super(entity, workflow, transition, sourceState, targetState, actor, arguments);
	}

}
