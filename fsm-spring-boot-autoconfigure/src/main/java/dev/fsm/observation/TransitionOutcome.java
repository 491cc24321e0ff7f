package dev.fsm.observation;

import java.util.Locale;

import dev.fsm.TransitionRefusal;
import dev.fsm.TransitionRefusal.Reason;

/**
 * The {@code outcome} of the {@code fsm.transition} observation: {@code completed}, or
 * the {@link Reason} the attempt was refused or failed for, in lower case. Three reasons
 * keep the values dashboards and alerts already query: {@link Reason#WRONG_STATE} is
 * {@code not_allowed}, {@link Reason#CONDITIONS_FAILED} is {@code condition_failed}, and
 * {@link Reason#FAILED} (an exception the library does not name: the body, a listener or
 * the save threw) is {@code error}.
 */
final class TransitionOutcome {

	/** The outcome of an attempt that ran and was saved. */
	static final String COMPLETED = "completed";

	private TransitionOutcome() {
	}

	/** The outcome of an attempt that threw {@code exception}. */
	static String of(Throwable exception) {
		return of((exception instanceof TransitionRefusal refusal) ? refusal.getReason() : Reason.FAILED);
	}

	/** The outcome of an attempt refused or failed for {@code reason}. */
	static String of(Reason reason) {
		return switch (reason) {
			case WRONG_STATE -> "not_allowed";
			case CONDITIONS_FAILED -> "condition_failed";
			case FAILED -> "error";
			default -> reason.name().toLowerCase(Locale.ROOT);
		};
	}

}
