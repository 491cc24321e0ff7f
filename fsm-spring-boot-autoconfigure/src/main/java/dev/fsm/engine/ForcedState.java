package dev.fsm.engine;

import org.jspecify.annotations.Nullable;

import dev.fsm.metamodel.WorkflowModel;

/**
 * A state set with {@code Transitions.forceState}, for recorders.
 *
 * @param workflow the workflow whose state was set
 * @param entity the entity, saved
 * @param sourceState the state before, {@code null} for a NULL column
 * @param targetState the state set
 * @param actor who set it
 * @param reason why, as given
 */
public record ForcedState(WorkflowModel workflow, Object entity, @Nullable String sourceState, String targetState,
		String actor, String reason) {

}
