package dev.fsm.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.TransitionRoute;
import dev.fsm.TransitionOption;
import dev.fsm.TransitionOption.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * {@code available}, {@code allowed}, {@code can} and {@code options} answer for every
 * transition: a guard that needs the method's arguments means "needs input", a guard that
 * throws means "not allowed" (logged) for its own transition only.
 */
@ExtendWith(OutputCaptureExtension.class)
class QueryTests extends WorkflowTestSupport {

	@Autowired
	LetterRepository letters;

	@Autowired
	LetterPolicy policy;

	@AfterEach
	void repairPolicy() {
		this.policy.setBroken(false);
	}

	@Test
	void aConditionThatReadsAnArgumentNeedsInputAndDoesNotFailTheQuery() {
		Letter letter = this.letters.save(new Letter("Q-1", "ann@example.com"));
		assertThat(this.transitions.available(letter)).extracting(TransitionRoute::name)
			.containsExactly("archive", "forward", "inspect", "send");
		assertThat(this.transitions.options(letter))
			.extracting(TransitionOption::name, TransitionOption::status, TransitionOption::reasons)
			.containsExactly(tuple("archive", Status.ALLOWED, java.util.List.of()),
					tuple("forward", Status.NEEDS_INPUT, java.util.List.of("#address.contains('@')")),
					tuple("inspect", Status.ALLOWED, java.util.List.of()),
					tuple("redraft", Status.WRONG_STATE, java.util.List.of("SENT", "ARCHIVED", "RETURNED")),
					tuple("send", Status.ALLOWED, java.util.List.of()));
		assertThat(this.transitions.can(letter, "forward")).isTrue();
	}

	@Test
	void aGuardThatThrowsRefusesOnlyItsOwnTransitionAndIsLogged(CapturedOutput output) {
		Letter letter = this.letters.save(new Letter("Q-2", "ann@example.com"));
		this.policy.setBroken(true);
		assertThat(this.transitions.allowed(letter)).extracting(TransitionRoute::name)
			.containsExactly("forward", "inspect", "send");
		assertThat(this.transitions.options(letter)).filteredOn((option) -> option.name().equals("archive"))
			.singleElement()
			.satisfies((option) -> {
				assertThat(option.status()).isEqualTo(Status.GUARD_FAILED);
				assertThat(option.reasons())
					.containsExactly("@letterPolicy.mayArchive(#entity): policy service unavailable");
				assertThat(option.isPossible()).isFalse();
			});
		assertThat(this.transitions.can(letter, "archive")).isFalse();
		assertThat(output).contains("The permission \"@letterPolicy.mayArchive(#entity)\" of transition 'archive' of"
				+ " workflow 'Letter.state' threw on Letter#Q-2 in state 'DRAFT'; the transition counts as not allowed");
		// firing it reports the failure, with the cause
		assertThatIllegalStateException().isThrownBy(() -> this.transitions.fire(letter, "archive"))
			.withMessage("The permission \"@letterPolicy.mayArchive(#entity)\" of transition 'archive' could not be"
					+ " evaluated on Letter#Q-2 in state 'DRAFT': policy service unavailable")
			.withCauseInstanceOf(IllegalStateException.class);
		// available() does not evaluate permissions, so it still lists it
		assertThat(this.transitions.available(letter)).extracting(TransitionRoute::name).contains("archive");
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void aPermissionThatReadsAnArgumentNeedsInput() {
		CaseReport report = report(ReportState.LIVE);
		assertThat(this.transitions.options(report)).filteredOn((option) -> option.name().equals("takeDown"))
			.singleElement()
			.satisfies((option) -> {
				assertThat(option.status()).isEqualTo(Status.NEEDS_INPUT);
				assertThat(option.reasons()).containsExactly("hasRole('STAFF') and #reason.length() > 3");
			});
		assertThat(this.transitions.allowed(report)).extracting(TransitionRoute::name).contains("takeDown");
	}

	@Test
	void optionsSayWhyATransitionIsRefused() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThat(this.transitions.options(report)).filteredOn((option) -> !option.isPossible())
			.extracting(TransitionOption::name, TransitionOption::status, TransitionOption::reasons)
			.contains(tuple("sendBack", Status.DENIED, java.util.List.of("hasRole('STAFF')")),
					tuple("retract", Status.CONDITIONS_FAILED, java.util.List.of("authorApproved")),
					tuple("submit", Status.WRONG_STATE, java.util.List.of("DRAFT")));
	}

}
