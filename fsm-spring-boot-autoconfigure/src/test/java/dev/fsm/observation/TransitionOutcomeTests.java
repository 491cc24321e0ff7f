package dev.fsm.observation;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fsm.TransitionLockTimeoutException;
import dev.fsm.TransitionRefusal.Reason;
import dev.fsm.UnknownTransitionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code outcome} tag is the refusal's reason in lower case, but for the three values
 * dashboards query since the first release.
 */
class TransitionOutcomeTests {

	@Test
	void theOutcomeIsTheReasonInLowerCase() {
		assertThat(TransitionOutcome.of(Reason.WRONG_STATE)).isEqualTo("not_allowed");
		assertThat(TransitionOutcome.of(Reason.CONDITIONS_FAILED)).isEqualTo("condition_failed");
		assertThat(TransitionOutcome.of(Reason.FAILED)).isEqualTo("error");
		assertThat(TransitionOutcome.of(Reason.DENIED)).isEqualTo("denied");
		assertThat(TransitionOutcome.of(Reason.INVALID_ARGUMENTS)).isEqualTo("invalid_arguments");
		assertThat(TransitionOutcome.of(Reason.CONFLICT)).isEqualTo("conflict");
		assertThat(TransitionOutcome.of(Reason.LOCK_TIMEOUT)).isEqualTo("lock_timeout");
		assertThat(TransitionOutcome.of(Reason.UNKNOWN_TRANSITION)).isEqualTo("unknown_transition");
		assertThat(TransitionOutcome.of(Reason.AUDIT_TRAIL_CONFLICT)).isEqualTo("audit_trail_conflict");
	}

	@Test
	void anExceptionTheLibraryDoesNotNameIsAnError() {
		assertThat(TransitionOutcome.of(new IllegalStateException("The payment gateway is down"))).isEqualTo("error");
		assertThat(TransitionOutcome.of(new TransitionLockTimeoutException("locked", Object.class, 7L, "sell", "HELD",
				java.time.Duration.ZERO, null)))
			.isEqualTo("lock_timeout");
		assertThat(TransitionOutcome
			.of(new UnknownTransitionException("unknown", Object.class, 7L, "fly", "HELD", List.of())))
			.isEqualTo("unknown_transition");
	}

}
