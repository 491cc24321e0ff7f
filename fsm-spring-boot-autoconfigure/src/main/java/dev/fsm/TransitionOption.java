package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionRefusal.Reason;

/**
 * Whether a transition may be fired on an entity now, and if not, why; one of the answers
 * of {@link Transitions#options(Object)}.
 *
 * @param transition the declaration that starts from the entity's current state, or the
 * transition's first declaration when none does
 * @param status the verdict
 * @param reasons what decided it: the refusing permission, the failed conditions, the
 * guards that need the method's arguments, the guard that failed and why, or the allowed
 * source states
 */
public record TransitionOption(TransitionRoute transition, Status status, List<String> reasons) {

	public TransitionOption {
		reasons = List.copyOf(reasons);
	}

	/** The transition name. */
	public String name() {
		return this.transition.name();
	}

	/**
	 * Whether firing it may succeed now: {@link Status#ALLOWED}, or
	 * {@link Status#NEEDS_INPUT} (a guard reads the arguments, checked when it is fired).
	 */
	public boolean isPossible() {
		return this.status == Status.ALLOWED || this.status == Status.NEEDS_INPUT;
	}

	/**
	 * Why firing it now would be refused: the {@link Reason} an exception would carry;
	 * {@code null} when it is {@link Status#ALLOWED} or {@link Status#NEEDS_INPUT}.
	 * @since 0.6.0
	 */
	public @Nullable Reason reason() {
		return this.status.reason();
	}

	/**
	 * The verdicts, in the order the checks run. A refusal has the name of its
	 * {@link Reason} ({@link #reason()}); {@link #NEEDS_INPUT} and {@link #ALLOWED} are
	 * no refusals.
	 */
	public enum Status {

		/** The current state is not one the transition starts from. */
		WRONG_STATE(Reason.WRONG_STATE),

		/**
		 * The permission refuses the user; the reason is the expression. The conditions
		 * are not evaluated: a user who may not fire a transition learns nothing about
		 * them.
		 */
		DENIED(Reason.DENIED),

		/**
		 * The user may fire it, but at least one condition does not hold; the reasons
		 * name each.
		 */
		CONDITIONS_FAILED(Reason.CONDITIONS_FAILED),

		/**
		 * A condition or the permission threw while being evaluated; the transition
		 * counts as not allowed, and the failure is logged with the transition's
		 * identity.
		 */
		GUARD_FAILED(Reason.GUARD_FAILED),

		/**
		 * Everything that can be checked without the method's arguments passed; the
		 * guards named in the reasons read the arguments and are checked when the
		 * transition is fired.
		 */
		NEEDS_INPUT(null),

		/** The user may fire it now. */
		ALLOWED(null);

		private final @Nullable Reason reason;

		Status(@Nullable Reason reason) {
			this.reason = reason;
		}

		/**
		 * The {@link Reason} of this refusal; {@code null} for {@link #NEEDS_INPUT} and
		 * {@link #ALLOWED}.
		 * @since 0.6.0
		 */
		public @Nullable Reason reason() {
			return this.reason;
		}

	}

}
