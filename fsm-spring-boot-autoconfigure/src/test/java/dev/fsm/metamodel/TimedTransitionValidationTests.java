package dev.fsm.metamodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.mock.env.MockEnvironment;

import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up validation of {@code @Transition(after = ..)} and {@code @StateChangedAt}: a
 * timed transition the scheduler could not find or fire is refused, with every reason at
 * once.
 */
class TimedTransitionValidationTests {

	enum Phase {

		OPEN, WAITING, EXPIRED, CLOSED

	}

	private final MockEnvironment environment = new MockEnvironment().withProperty("claims.timeout", "PT48H")
		.withProperty("claims.broken", "soon");

	@Test
	void compilesATimedRouteWithItsResolvedDurationAndSourceStates() {
		WorkflowModel workflow = build(Valid.class).workflowsOf(Valid.class).get(0);
		assertThat(workflow.stateChangedAt()).isNotNull();
		assertThat(workflow.stateChangedAt().field().getName()).isEqualTo("changedAt");
		assertThat(workflow.timers())
			.extracting((t) -> t.transition().name(), TimedRoute::sourceNames, TimedRoute::after)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("close", List.of("OPEN", "WAITING", "EXPIRED"),
							Duration.ofDays(30)),
					org.assertj.core.groups.Tuple.tuple("expire", List.of("WAITING"), Duration.ofHours(48)));
	}

	@Test
	void refusesDurationsThatDoNotParseAreNotPositiveOrCannotBeResolved() {
		// in the order of the state they start from, then by name
		assertThat(problems(BadDurations.class)).containsExactly(
				"Transition 'negative' of workflow 'BadDurations.phase' has after = \"-PT1H\"; a timed transition waits"
						+ " a positive duration",
				"Transition 'notADuration' of workflow 'BadDurations.phase' has after = \"thirty days\", which is not a"
						+ " duration; write an ISO-8601 duration such as P30D, PT48H or PT15M",
				"Transition 'zero' of workflow 'BadDurations.phase' has after = \"PT0S\"; a timed transition waits a"
						+ " positive duration",
				"Transition 'placeholder' of workflow 'BadDurations.phase' has after = \"${claims.broken}\" (\"soon\"),"
						+ " which is not a duration; write an ISO-8601 duration such as P30D, PT48H or PT15M",
				"Transition 'unresolved' of workflow 'BadDurations.phase' has after = \"${claims.missing}\" that cannot"
						+ " be resolved: Could not resolve placeholder 'claims.missing' in value \"${claims.missing}\"");
	}

	@Test
	void refusesTimedTransitionsTheSchedulerCannotFire() {
		assertThat(problems(Unfireable.class)).containsExactly(
				"Transition 'checkOnly' of workflow 'Unfireable.phase' is timed (after = \"P1D\") but has no target; a"
						+ " timed transition must leave its source state",
				"Transition 'loop' of workflow 'Unfireable.phase' is timed (after = \"P1D\") but may start from its"
						+ " target state 'OPEN'; a timed transition must leave its source state, or it would be due again"
						+ " as soon as it fired",
				"Transition 'withReason' of workflow 'Unfireable.phase' is timed (after = \"P1D\") but takes arguments"
						+ " [reason]; the scheduler that fires it has none to give");
	}

	@Test
	void refusesATimedTransitionOfAnEntityWithoutStateChangedAt() {
		assertThat(problems(NoTimestamp.class)).containsExactly(
				"Transition 'expire' of workflow 'NoTimestamp.phase' is timed (after = \"P1D\") but NoTimestamp has no"
						+ " @StateChangedAt attribute for field 'phase'; add one (an Instant the engine sets when the state"
						+ " changes) so that due entities are found by state and time");
	}

	@Test
	void refusesStateChangedAtAttributesTheEngineCannotMaintain() {
		assertThat(problems(BadTimestamps.class)).containsExactly(
				"@StateChangedAt BadTimestamps.second: workflow 'BadTimestamps.phase' already records when its state"
						+ " changed in first; declare one @StateChangedAt per state field",
				"@StateChangedAt BadTimestamps.unnamed must name its field: BadTimestamps has several state fields"
						+ " [phase, payment]; write @StateChangedAt(field = ..)",
				"@StateChangedAt BadTimestamps.unknownField names field 'colour', which is not a @StateField of"
						+ " BadTimestamps",
				"@StateChangedAt BadTimestamps.asText has type String; it must be an Instant, OffsetDateTime or"
						+ " LocalDateTime");
	}

	@Test
	void timestampsOfEachSupportedTypeFollowTheClock() throws Exception {
		Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.ofHours(2));
		StateTimestamp instant = StateTimestamp.of(Times.class.getDeclaredField("instant"));
		StateTimestamp offset = StateTimestamp.of(Times.class.getDeclaredField("offset"));
		StateTimestamp local = StateTimestamp.of(Times.class.getDeclaredField("local"));
		assertThat(instant.now(clock)).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
		assertThat(instant.dueBound(clock, Duration.ofDays(1))).isEqualTo(Instant.parse("2026-02-28T12:00:00Z"));
		assertThat(offset.now(clock)).isEqualTo(OffsetDateTime.parse("2026-03-01T14:00:00+02:00"));
		assertThat(local.dueBound(clock, Duration.ofHours(3))).isEqualTo(LocalDateTime.parse("2026-03-01T11:00:00"));
		assertThat(StateTimestamp.of(Times.class.getDeclaredField("text"))).isNull();
	}

	private WorkflowRegistry build(Class<?> type) {
		GuardEvaluationContexts contexts = new GuardEvaluationContexts(
				new BeanFactoryResolver(new DefaultListableBeanFactory()));
		WorkflowIntrospector introspector = new WorkflowIntrospector(new SpelGuardCompiler(contexts, null), false,
				Class::getSimpleName, this.environment::resolveRequiredPlaceholders);
		introspector.addEntityType(type);
		return introspector.build();
	}

	private List<String> problems(Class<?> type) {
		try {
			build(type);
		}
		catch (WorkflowDefinitionException ex) {
			return ex.getProblems();
		}
		throw new AssertionError("expected problems in " + type.getSimpleName());
	}

	static class Valid {

		@StateField
		Phase phase = Phase.OPEN;

		@StateChangedAt
		Instant changedAt;

		@Transition(source = "OPEN", target = "WAITING")
		public void hold() {
		}

		@Transition(source = "WAITING", target = "EXPIRED", after = "${claims.timeout}")
		public void expire() {
		}

		@Transition(source = "+", target = "CLOSED", after = "P30D")
		public void close() {
		}

	}

	static class BadDurations {

		@StateField
		Phase phase = Phase.OPEN;

		@StateChangedAt
		Instant changedAt;

		@Transition(source = "OPEN", target = "WAITING", after = "thirty days")
		public void notADuration() {
		}

		@Transition(source = "OPEN", target = "EXPIRED", after = "PT0S")
		public void zero() {
		}

		@Transition(source = "OPEN", target = "CLOSED", after = "-PT1H")
		public void negative() {
		}

		@Transition(source = "WAITING", target = "EXPIRED", after = "${claims.missing}")
		public void unresolved() {
		}

		@Transition(source = "WAITING", target = "CLOSED", after = "${claims.broken}")
		public void placeholder() {
		}

	}

	static class Unfireable {

		@StateField
		Phase phase = Phase.OPEN;

		@StateChangedAt
		Instant changedAt;

		@Transition(source = "OPEN", after = "P1D")
		public void checkOnly() {
		}

		@Transition(source = "*", target = "OPEN", after = "P1D")
		public void loop() {
		}

		@Transition(source = "OPEN", target = "WAITING", after = "P1D")
		public void withReason(String reason) {
		}

		@Transition(source = "WAITING", target = "EXPIRED")
		public void expire() {
		}

		@Transition(source = "EXPIRED", target = "CLOSED")
		public void close() {
		}

	}

	static class NoTimestamp {

		@StateField
		Phase phase = Phase.OPEN;

		@Transition(source = "OPEN", target = "WAITING", after = "P1D")
		public void expire() {
		}

	}

	static class BadTimestamps {

		enum Payment {

			DUE, PAID

		}

		@StateField
		Phase phase = Phase.OPEN;

		@StateField
		Payment payment = Payment.DUE;

		@StateChangedAt(field = "phase")
		Instant first;

		@StateChangedAt(field = "phase")
		Instant second;

		@StateChangedAt
		Instant unnamed;

		@StateChangedAt(field = "colour")
		Instant unknownField;

		@StateChangedAt(field = "payment")
		String asText;

	}

	static class Times {

		Instant instant;

		OffsetDateTime offset;

		LocalDateTime local;

		String text;

	}

}
