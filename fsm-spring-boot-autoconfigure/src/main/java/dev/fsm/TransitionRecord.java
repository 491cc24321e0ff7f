package dev.fsm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: a transition that was committed, that moved its entity to
 * its {@code onError} state, or a state set with {@link Transitions#forceState}.
 *
 * @param entityType the JPA entity name: the simple class name unless
 * {@code @Entity(name = ..)}
 * @param entityId the entity id, as text: {@code toString()} of a Long, UUID or String
 * id; the attributes of a composite id as {@code name=value} pairs in name order,
 * separated by {@code ,} (with {@code %}, {@code ,} and {@code =} in values
 * percent-encoded)
 * @param workflow the workflow name
 * @param sequence the step of this record in the history of the entity and workflow:
 * unique, increasing in the order the transitions were fired; with a numeric
 * {@code @Version}, the version the transition gave the entity (0 for the transition that
 * inserted it), without one 1, 2, 3, …. Transitions chained from one body on the same
 * entity take consecutive steps in the order they were fired, the last one the version
 * the chain left.
 * @param transition the transition name
 * @param sourceState the state before; {@code null} only for a forced state set on a NULL
 * column
 * @param targetState the state after
 * @param actor who fired it: the authenticated user's name, a job actor, or
 * {@code anonymous}
 * @param occurredAt when the transition passed its checks (UTC, microseconds), so that
 * time order matches step order when one transition fires another
 * @param description the transition's description, or one the body set for this firing
 * @param outcome {@code COMPLETED}; {@code FAILED} when the entity moved to its
 * {@code onError} state; {@code FORCED} for {@link Transitions#forceState}
 */
public record TransitionRecord(String entityType, String entityId, String workflow, long sequence, String transition,
		@Nullable String sourceState, String targetState, String actor, Instant occurredAt,
		@Nullable String description, Outcome outcome) {

	/**
	 * How the recorded transition ended; stored as the constant's name. Only transitions
	 * that changed the state are recorded: a refused one leaves no record.
	 */
	public enum Outcome {

		/** The transition completed. */
		COMPLETED,

		/**
		 * The body threw and the entity moved to the transition's {@code onError} state:
		 * the attempt failed for {@link TransitionRefusal.Reason#FAILED}
		 * ({@link #reason()}).
		 */
		FAILED,

		/**
		 * No transition ran: the state was set with {@link Transitions#forceState}, for a
		 * data migration or a repair; the transition name is {@value Transitions#FORCED}.
		 */
		FORCED;

		/**
		 * {@link TransitionRefusal.Reason#FAILED} for {@link #FAILED}; {@code null} for
		 * the outcomes that are no failure.
		 * @since 0.6.0
		 */
		public TransitionRefusal.@Nullable Reason reason() {
			return (this == FAILED) ? TransitionRefusal.Reason.FAILED : null;
		}

	}

}
