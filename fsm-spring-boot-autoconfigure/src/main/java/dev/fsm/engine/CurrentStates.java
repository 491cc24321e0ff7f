package dev.fsm.engine;

import dev.fsm.UnknownStateException;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.spi.EntityStore;

/**
 * Reads an entity's current state for firing and for queries: a state of its workflow, or
 * an {@link UnknownStateException}, never a NULL or an undeclared value taken for a
 * state.
 */
final class CurrentStates {

	private CurrentStates() {
	}

	static Object require(WorkflowModel workflow, Object entity, EntityStore store) {
		Object value = workflow.state().get(entity);
		if (value == null || !workflow.isState(value)) {
			throw TransitionErrors.unknownState(store, workflow, store.idOf(entity), value);
		}
		return value;
	}

}
