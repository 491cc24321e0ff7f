package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * What every exception of a refused or failed transition tells: which entity, which
 * transition, the state it was in, and why ({@link #getReason()}). Implemented by every
 * exception the library throws about one entity, whatever Spring exception it extends
 * ({@link ConcurrentTransitionException} is an {@code OptimisticLockingFailureException},
 * {@link TransitionLockTimeoutException} a {@code PessimisticLockingFailureException}),
 * so that one handler serves them all: <pre class="code">
 * catch (RuntimeException ex) {
 *     if (ex instanceof TransitionRefusal refusal &amp;&amp; refusal.getReason() == TransitionRefusal.Reason.CONFLICT) {
 *         ...
 *     }
 * }
 * </pre> The same {@link Reason} names a {@link TransitionOption}'s verdict, the
 * {@code outcome} of the {@code fsm.transition} observation, and the problem type of the
 * HTTP API.
 *
 * @since 0.6.0
 */
public interface TransitionRefusal {

	/** Why the transition was refused or failed. */
	Reason getReason();

	/** The entity class. */
	Class<?> getEntityType();

	/** The entity's id; {@code null} for an entity that was never saved. */
	@Nullable Object getEntityId();

	/**
	 * The name of the transition; {@code null} when no transition was fired (a state
	 * written around the library, an unknown stored state found by a query).
	 */
	@Nullable String getTransition();

	/**
	 * The state the entity was in, as text; {@code null} when it was not read (firing by
	 * id refused before loading the entity) or the state field is NULL.
	 */
	@Nullable String getCurrentState();

	/**
	 * The message for developers: names the entity, its id, the transition and what went
	 * wrong.
	 */
	@Nullable String getMessage();

	/**
	 * Why a transition was refused or failed: one vocabulary shared by the exceptions
	 * ({@link TransitionRefusal#getReason()}), the verdicts of
	 * {@link Transitions#options(Object)} ({@link TransitionOption.Status#reason()}), the
	 * {@code outcome} of the {@code fsm.transition} observation and the problem types of
	 * the HTTP API; {@code docs/errors.md} has the table.
	 */
	enum Reason {

		/**
		 * The entity's state is not one the transition starts from
		 * ({@link TransitionNotAllowedException}).
		 */
		WRONG_STATE,

		/**
		 * The entity has no transition of that name, or several workflows of the entity
		 * have one ({@link UnknownTransitionException}).
		 */
		UNKNOWN_TRANSITION,

		/**
		 * The permission refused the current user ({@link TransitionDeniedException}).
		 */
		DENIED,

		/**
		 * At least one condition does not hold ({@link TransitionConditionException}).
		 */
		CONDITIONS_FAILED,

		/**
		 * A condition or the permission threw while being evaluated: the transition
		 * counts as not allowed in {@link Transitions#options(Object)}; fired, the
		 * guard's exception reaches the caller wrapped in an
		 * {@code IllegalStateException}.
		 */
		GUARD_FAILED,

		/**
		 * The arguments break the constraints of the transition's parameters, or do not
		 * fit the method (their number, a type)
		 * ({@link InvalidTransitionArgumentsException}).
		 */
		INVALID_ARGUMENTS,

		/**
		 * The transition was fired where its caller's transaction or user did not follow,
		 * such as a Kotlin coroutine on another thread
		 * ({@link CallerLeftBehindException}).
		 */
		CALLER_LEFT_BEHIND,

		/** No entity of the type has the id ({@link UnknownEntityException}). */
		UNKNOWN_ENTITY,

		/**
		 * The entity's state field holds a value that is no state of its workflow
		 * ({@link UnknownStateException}).
		 */
		UNKNOWN_STATE,

		/**
		 * The entity is not at the version the caller expected
		 * ({@link VersionMismatchException}).
		 */
		VERSION_MISMATCH,

		/**
		 * Another transaction changed the entity while the transition ran
		 * ({@link ConcurrentTransitionException}).
		 */
		CONFLICT,

		/**
		 * The entity's row could not be locked in time
		 * ({@link TransitionLockTimeoutException}).
		 */
		LOCK_TIMEOUT,

		/**
		 * A transition with several targets returned a state that is none of them
		 * ({@link InvalidTargetStateException}).
		 */
		INVALID_TARGET,

		/**
		 * The audit trail already holds the step the transition would record
		 * ({@link AuditTrailConflictException}).
		 */
		AUDIT_TRAIL_CONFLICT,

		/**
		 * A state field was written by something other than a transition
		 * ({@link IllegalStateChangeException}).
		 */
		ILLEGAL_STATE_CHANGE,

		/**
		 * The body, a listener or the save threw; the caller gets that exception. The
		 * audit trail records {@link TransitionRecord.Outcome#FAILED} when the entity
		 * moved to its {@code onError} state.
		 */
		FAILED

	}

}
