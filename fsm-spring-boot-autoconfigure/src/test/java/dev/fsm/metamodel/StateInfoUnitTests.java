package dev.fsm.metamodel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import dev.fsm.StateField;
import dev.fsm.StateInfo;
import dev.fsm.Transition;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link StateInfo}: a state's label, description and "stuck after", declared on enum
 * constants or on the state field, with the workflow's and the application's defaults,
 * and every mistake reported at start-up.
 */
class StateInfoUnitTests {

	private final SpelGuardCompiler guards = new SpelGuardCompiler(
			new GuardEvaluationContexts(new BeanFactoryResolver(new DefaultListableBeanFactory())), null);

	@Test
	void anEnumConstantDeclaresItsLabelDescriptionAndStuckAfter() {
		Workflow workflow = workflow(Report.class, Map.of());
		assertThat(workflow.state("AUTHOR_REVIEW")).isEqualTo(new Workflow.StateDetails("AUTHOR_REVIEW",
				"Author review", "The author reads the edited text.", Duration.ofDays(3)));
		assertThat(workflow.stuckAfter("DRAFT")).isEqualTo(Duration.ofHours(12));
		assertThat(workflow.state("LIVE"))
			.isEqualTo(new Workflow.StateDetails("LIVE", "Live", null, Duration.ofHours(12)));
		assertThat(workflow.stateDetails()).extracting(Workflow.StateDetails::name)
			.containsExactly("DRAFT", "AUTHOR_REVIEW", "LIVE");
	}

	@Test
	void aStringStateIsDescribedOnTheStateField() {
		Workflow workflow = workflow(Payment.class, Map.of());
		assertThat(workflow.state("NEW"))
			.isEqualTo(new Workflow.StateDetails("NEW", "Waiting for payment", null, Duration.ofMinutes(30)));
		assertThat(workflow.state("PAID"))
			.isEqualTo(new Workflow.StateDetails("PAID", null, null, Workflow.DEFAULT_STUCK_AFTER));
	}

	@Test
	void withoutDeclarationsAStateIsStuckAfterSevenDaysOrFsmStuckAfter() {
		assertThat(workflow(Plain.class, Map.of()).stuckAfter("ON")).isEqualTo(Duration.ofDays(7));
		assertThat(workflow(Plain.class, Map.of("fsm.stuck-after", "36h")).stuckAfter("ON"))
			.isEqualTo(Duration.ofHours(36));
		// a workflow's own and a state's own win over the property
		assertThat(workflow(Report.class, Map.of("fsm.stuck-after", "36h")).stuckAfter("DRAFT"))
			.isEqualTo(Duration.ofHours(12));
		assertThat(workflow(Payment.class, Map.of("fsm.stuck-after", "36h")).stuckAfter("NEW"))
			.isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void aPlaceholderInStuckAfterIsResolvedFromTheEnvironment() {
		assertThat(workflow(Placeholder.class, Map.of("orders.stuck", "P2D")).stuckAfter("ON"))
			.isEqualTo(Duration.ofDays(2));
		assertThat(workflow(Placeholder.class, Map.of()).stuckAfter("ON")).isEqualTo(Duration.ofHours(4));
	}

	@Test
	void anUnknownStateIsAnIllegalArgument() {
		Workflow workflow = workflow(Plain.class, Map.of());
		assertThatIllegalArgumentException().isThrownBy(() -> workflow.stuckAfter("DIMMED"))
			.withMessage("Workflow 'Plain.state' has no state 'DIMMED' [OFF, ON]");
	}

	@Test
	void aWorkflowBuiltByHandHasDetailsForEveryState() {
		Workflow workflow = new Workflow("W", Object.class, "W", "state", String.class, List.of("A", "B"), "A",
				List.of(), List.of(), List.of(new Workflow.StateDetails("B", "Bee", null, Duration.ofHours(1))));
		assertThat(workflow.stateDetails()).containsExactly(
				new Workflow.StateDetails("A", null, null, Workflow.DEFAULT_STUCK_AFTER),
				new Workflow.StateDetails("B", "Bee", null, Duration.ofHours(1)));
	}

	@Test
	void everyMistakeIsReported() {
		assertThat(problems(BadInfos.class)).containsExactly(
				"Workflow 'BadInfos.state' has a @StateInfo on its state field without the state it describes;"
						+ " write @StateInfo(value = \"STATE\", ..)",
				"Workflow 'BadInfos.state': @StateInfo on the constant B names the state 'C'; on an enum constant, the"
						+ " constant is the state described",
				"Workflow 'BadInfos.state' has two @StateInfo declarations for state 'D'; declare it once",
				"Workflow 'BadInfos.state' has a @StateInfo for 'Z', which is none of its states [A, B, C, D]",
				"Workflow 'BadInfos.state': @StateField(stuckAfter) is \"soon\", which is no duration; write \"7d\","
						+ " \"12h\" or \"PT30M\"",
				"Workflow 'BadInfos.state': @StateInfo(stuckAfter) of state 'A' is \"-1h\"; an entity is stuck after a"
						+ " positive duration",
				"Workflow 'BadInfos.state': @StateInfo(stuckAfter) of state 'C' is \"${missing.duration}\", which"
						+ " cannot be resolved: Could not resolve placeholder 'missing.duration' in value"
						+ " \"${missing.duration}\"");
	}

	@Test
	void aBadFsmStuckAfterIsReportedForEachWorkflow() {
		assertThatWorkflowProblems(Plain.class, Map.of("fsm.stuck-after", "0s")).containsExactly(
				"Workflow 'Plain.state': fsm.stuck-after is \"${fsm.stuck-after:7d}\" (\"0s\"); an entity is stuck after"
						+ " a positive duration");
	}

	private org.assertj.core.api.ListAssert<String> assertThatWorkflowProblems(Class<?> type,
			Map<String, Object> properties) {
		try {
			build(type, properties);
		}
		catch (WorkflowDefinitionException ex) {
			return assertThat(ex.getProblems());
		}
		throw new AssertionError("expected problems in " + type.getSimpleName());
	}

	private Workflow workflow(Class<?> type, Map<String, Object> properties) {
		return build(type, properties).workflowsOf(type).get(0).view();
	}

	private WorkflowRegistry build(Class<?> type, Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.guards, false, Class::getSimpleName,
				environment::resolveRequiredPlaceholders);
		introspector.addEntityType(type);
		return introspector.build();
	}

	private List<String> problems(Class<?> type) {
		try {
			build(type, Map.of());
		}
		catch (WorkflowDefinitionException ex) {
			return ex.getProblems();
		}
		throw new AssertionError("expected problems in " + type.getSimpleName());
	}

	enum ReportState {

		DRAFT,

		@StateInfo(label = "Author review", description = "The author reads the edited text.", stuckAfter = "3d")
		AUTHOR_REVIEW,

		@StateInfo(label = " Live ")
		LIVE

	}

	static class Report {

		@StateField(stuckAfter = "12h")
		ReportState state = ReportState.DRAFT;

		@Transition(source = "DRAFT", target = "AUTHOR_REVIEW")
		public void submit() {
		}

		@Transition(source = "AUTHOR_REVIEW", target = "LIVE")
		public void publish() {
		}

	}

	static class Payment {

		@StateField(states = { "NEW", "PAID" })
		@StateInfo(value = "NEW", label = "Waiting for payment", stuckAfter = "PT30M")
		String state = "NEW";

		@Transition(source = "NEW", target = "PAID")
		public void pay() {
		}

	}

	enum Light {

		OFF, ON

	}

	static class Plain {

		@StateField
		Light state = Light.OFF;

		@Transition(source = "OFF", target = "ON")
		public void on() {
		}

	}

	static class Placeholder {

		@StateField(stuckAfter = "${orders.stuck:4h}")
		Light state = Light.OFF;

		@Transition(source = "OFF", target = "ON")
		public void on() {
		}

	}

	enum Letter {

		@StateInfo(stuckAfter = "-1h")
		A,

		@StateInfo("C")
		B,

		@StateInfo(stuckAfter = "${missing.duration}")
		C,

		@StateInfo(label = "Dee")
		D

	}

	static class BadInfos {

		@StateField(stuckAfter = "soon")
		@StateInfo(label = "no state")
		@StateInfo(value = "D", label = "twice")
		@StateInfo(value = "Z", label = "unknown")
		Letter state = Letter.A;

		@Transition(source = "A", target = "B")
		public void ab() {
		}

		@Transition(source = "B", target = "C")
		public void bc() {
		}

		@Transition(source = "C", target = "D")
		public void cd() {
		}

	}

}
