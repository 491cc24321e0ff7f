package dev.fsm;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fsm.autoconfigure.lamp.Lamp;
import dev.fsm.autoconfigure.lamp.LampApplication;
import dev.fsm.autoconfigure.unversioned.Note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Workflows read without an application, as the start-up reads them. */
class WorkflowDefinitionsTests {

	@Test
	void readsTheWorkflowsOfEntitiesAndPlainObjects() {
		List<Workflow> workflows = WorkflowDefinitions.read(List.of(Note.class, Lamp.class));
		assertThat(workflows).extracting(Workflow::name).containsExactly("Lamp.state", "Note.state");
		assertThat(workflows.get(1).states()).containsExactly("DRAFT", "FINAL");
	}

	@Test
	void tellsWhichClassesDeclareAWorkflow() {
		assertThat(WorkflowDefinitions.declaresWorkflow(Lamp.class)).isTrue();
		assertThat(WorkflowDefinitions.declaresWorkflow(LampApplication.class)).isFalse();
	}

	@Test
	void scansAPackageForEntitiesAndWorkflowClasses() {
		assertThat(WorkflowDefinitions.scan("dev.fsm.autoconfigure.lamp")).containsExactly(Lamp.class);
		assertThat(WorkflowDefinitions.scan("dev.fsm.autoconfigure.unversioned")).containsExactly(Note.class);
	}

	@Test
	void reportsEveryProblemAsTheStartUpWould() {
		assertThatExceptionOfType(WorkflowDefinitionException.class)
			.isThrownBy(() -> WorkflowDefinitions.read(List.of(Broken.class)))
			.satisfies((ex) -> assertThat(ex.getProblems())
				.anySatisfy((problem) -> assertThat(problem).contains("Broken").contains("NOWHERE")));
	}

	static class Broken {

		@StateField(states = { "A", "B" })
		String state = "A";

		@Transition(source = "A", target = "NOWHERE")
		public void go() {
		}

	}

}
