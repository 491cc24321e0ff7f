package dev.fsm.metamodel;

import java.time.Duration;
import java.util.List;

/**
 * A timed transition from some source states: due for an entity that has been in one of
 * them for {@link #after()}. One per {@code @Transition(after = ..)} declaration.
 * <p>
 * Public because the timers run on it.
 *
 * @param transition the transition to fire
 * @param sources the source state values, wildcards resolved
 * @param sourceNames the source state names, in the workflow's order
 * @param after how long an entity stays in a source state before the transition is due
 */
public record TimedRoute(TransitionModel transition, List<Object> sources, List<String> sourceNames, Duration after) {

	public TimedRoute {
		sources = List.copyOf(sources);
		sourceNames = List.copyOf(sourceNames);
	}

	public WorkflowModel workflow() {
		return this.transition.workflow();
	}

	/**
	 * The timestamp attribute of the workflow; present for every workflow with timed
	 * routes.
	 */
	public StateTimestamp stateChangedAt() {
		StateTimestamp timestamp = workflow().stateChangedAt();
		if (timestamp == null) {
			throw new IllegalStateException("Workflow '" + workflow().name() + "' has no @StateChangedAt attribute");
		}
		return timestamp;
	}

	@Override
	public String toString() {
		return this.transition + " after " + this.after + " in " + this.sourceNames;
	}

}
