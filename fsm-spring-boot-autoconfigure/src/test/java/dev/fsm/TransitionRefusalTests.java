package dev.fsm;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import dev.fsm.TransitionRefusal.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One vocabulary for refusals: every exception about a transition or an entity's state is
 * a {@link TransitionRefusal} with its own {@link Reason}, and the verdicts of
 * {@link Transitions#options(Object)} and the audit trail's outcomes name the same
 * reasons.
 */
class TransitionRefusalTests {

	private static final Class<?> TYPE = Object.class;

	@Test
	void everyExceptionNamesItsEntityTransitionStateAndReason() {
		Map<Reason, TransitionRefusal> refusals = refusals();
		assertThat(refusals.get(Reason.WRONG_STATE)).isInstanceOf(TransitionNotAllowedException.class);
		assertThat(refusals.get(Reason.UNKNOWN_TRANSITION)).isInstanceOf(UnknownTransitionException.class);
		assertThat(refusals.get(Reason.DENIED)).isInstanceOf(TransitionDeniedException.class);
		assertThat(refusals.get(Reason.CONDITIONS_FAILED)).isInstanceOf(TransitionConditionException.class);
		assertThat(refusals.get(Reason.INVALID_ARGUMENTS)).isInstanceOf(InvalidTransitionArgumentsException.class);
		assertThat(refusals.get(Reason.CALLER_LEFT_BEHIND)).isInstanceOf(CallerLeftBehindException.class);
		assertThat(refusals.get(Reason.CONFLICT)).isInstanceOf(ConcurrentTransitionException.class);
		assertThat(refusals.get(Reason.VERSION_MISMATCH)).isInstanceOf(VersionMismatchException.class);
		assertThat(refusals.get(Reason.LOCK_TIMEOUT)).isInstanceOf(TransitionLockTimeoutException.class);
		assertThat(refusals.get(Reason.INVALID_TARGET)).isInstanceOf(InvalidTargetStateException.class);
		assertThat(refusals.get(Reason.AUDIT_TRAIL_CONFLICT)).isInstanceOf(AuditTrailConflictException.class);
		assertThat(refusals.get(Reason.UNKNOWN_ENTITY)).isInstanceOf(UnknownEntityException.class);
		assertThat(refusals.get(Reason.UNKNOWN_STATE)).isInstanceOf(UnknownStateException.class);
		assertThat(refusals.get(Reason.ILLEGAL_STATE_CHANGE)).isInstanceOf(IllegalStateChangeException.class);
		assertThat(refusals.keySet()).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(Reason.values()).filter((r) -> r != Reason.GUARD_FAILED && r != Reason.FAILED).toList());
		refusals.forEach((reason, refusal) -> {
			assertThat(refusal.getEntityType()).isEqualTo(TYPE);
			assertThat(refusal.getEntityId()).isEqualTo(7L);
			assertThat(refusal.getMessage()).isEqualTo("refused");
		});
		assertThat(refusals.values()).filteredOn((refusal) -> refusal.getTransition() != null)
			.allSatisfy((refusal) -> assertThat(refusal.getTransition()).isEqualTo("approve"))
			.hasSize(11);
		assertThat(refusals.get(Reason.UNKNOWN_ENTITY).getCurrentState()).isNull();
		assertThat(refusals.get(Reason.UNKNOWN_STATE).getCurrentState()).isEqualTo("GONE");
		assertThat(refusals.get(Reason.ILLEGAL_STATE_CHANGE).getCurrentState()).isEqualTo("DRAFT");
		assertThat(refusals.get(Reason.WRONG_STATE).getCurrentState()).isEqualTo("LIVE");
	}

	@Test
	void everyExceptionOfTheApiButTheStartUpsIsARefusal() {
		List<String> exceptions = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.fsm")
			.stream()
			.filter((type) -> type.getPackageName().equals("dev.fsm") && type.isAssignableTo(Throwable.class))
			.filter((type) -> !type.isAssignableTo(TransitionRefusal.class))
			.map(JavaClass::getSimpleName)
			.toList();
		assertThat(exceptions).containsExactly("WorkflowDefinitionException");
	}

	@Test
	void theVerdictsOfOptionsAreReasonsOfTheSameName() {
		assertThat(Arrays.stream(TransitionOption.Status.values())
			.filter((status) -> status.reason() != null)
			.collect(Collectors.toMap(Function.identity(), TransitionOption.Status::reason)))
			.allSatisfy((status, reason) -> assertThat(status.name()).isEqualTo(reason.name()))
			.containsOnlyKeys(TransitionOption.Status.WRONG_STATE, TransitionOption.Status.DENIED,
					TransitionOption.Status.CONDITIONS_FAILED, TransitionOption.Status.GUARD_FAILED);
		assertThat(TransitionOption.Status.ALLOWED.reason()).isNull();
		assertThat(TransitionOption.Status.NEEDS_INPUT.reason()).isNull();
	}

	@Test
	void aFailedRecordFailedForTheReasonOfThatName() {
		assertThat(TransitionRecord.Outcome.FAILED.reason()).isEqualTo(Reason.FAILED);
		assertThat(TransitionRecord.Outcome.COMPLETED.reason()).isNull();
		assertThat(TransitionRecord.Outcome.FORCED.reason()).isNull();
	}

	private static Map<Reason, TransitionRefusal> refusals() {
		List<TransitionRefusal> all = List.of(
				new TransitionNotAllowedException("refused", TYPE, 7L, "approve", "LIVE", List.of("DRAFT")),
				new UnknownTransitionException("refused", TYPE, 7L, "approve", "LIVE", List.of("submit")),
				new TransitionDeniedException("refused", TYPE, 7L, "approve", "LIVE", "bob", "hasRole('STAFF')"),
				new TransitionConditionException("refused", TYPE, 7L, "approve", "LIVE", List.of("title != null")),
				new InvalidTransitionArgumentsException("refused", TYPE, 7L, "approve", "LIVE", List.of()),
				new CallerLeftBehindException("refused", TYPE, 7L, "approve", "LIVE"),
				new ConcurrentTransitionException("refused", TYPE, 7L, "approve", "LIVE", null),
				new VersionMismatchException("refused", TYPE, 7L, "approve", "LIVE", 1L, 2L),
				new TransitionLockTimeoutException("refused", TYPE, 7L, "approve", "LIVE", Duration.ZERO, null),
				new InvalidTargetStateException("refused", TYPE, 7L, "approve", "LIVE", "X", List.of("A", "B")),
				new AuditTrailConflictException("refused", TYPE, 7L, "approve", "LIVE", "Thing.state", 3, 2L,
						new IllegalStateException()),
				new UnknownEntityException("refused", TYPE, 7L),
				new UnknownStateException("refused", TYPE, 7L, "Thing.state", "state", "GONE", List.of("DRAFT")),
				new IllegalStateChangeException("refused", TYPE, 7L, "Thing.state", "state", "DRAFT", "LIVE"));
		return all.stream().collect(Collectors.toMap(TransitionRefusal::getReason, Function.identity()));
	}

}
