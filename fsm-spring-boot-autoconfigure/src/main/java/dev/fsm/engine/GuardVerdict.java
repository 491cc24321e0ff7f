package dev.fsm.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionOption.Status;

/**
 * What the guards of one route said: the {@link Status}, what decided it, and for
 * {@link Status#GUARD_FAILED} which guard threw what.
 *
 * @param status the verdict ({@code WRONG_STATE} is decided before the guards run)
 * @param reasons the failed conditions, the refusing permission, or the guards that need
 * input
 * @param failedGuardKind {@code condition} or {@code permission} for a guard that threw
 * @param failure what the guard threw
 */
record GuardVerdict(Status status, List<String> reasons, @Nullable String failedGuardKind,
		@Nullable RuntimeException failure) {

	/** Every condition holds and the permission, when checked, is granted. */
	static final GuardVerdict ALLOWED = new GuardVerdict(Status.ALLOWED, List.of(), null, null);

	static GuardVerdict of(Status status, List<String> reasons) {
		return new GuardVerdict(status, reasons, null, null);
	}

	static GuardVerdict failed(String kind, String expression, RuntimeException failure) {
		return new GuardVerdict(Status.GUARD_FAILED, List.of(expression), kind, failure);
	}

}
