package dev.fsm.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fsm.DiagramFormat;
import dev.fsm.Highlight;
import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.diagram.DefaultWorkflowDiagrams;
import dev.fsm.diagram.WorkflowDiagramExporter;

import static org.assertj.core.api.Assertions.assertThat;

class FsmDiagramAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FsmAutoConfiguration.class, FsmDiagramAutoConfiguration.class))
		.withUserConfiguration(DoorFlow.class);

	@Test
	void providesTheDiagramsAndNoExporterByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(WorkflowDiagrams.class).doesNotHaveBean(WorkflowDiagramExporter.class);
			assertThat(context).getBean(WorkflowDiagrams.class).isInstanceOf(DefaultWorkflowDiagrams.class);
			Door door = new Door();
			String mermaid = context.getBean(WorkflowDiagrams.class).mermaid(door);
			assertThat(mermaid).contains("CLOSED --> OPEN : Open ✓").contains("class CLOSED current");
		});
	}

	@Test
	void providesTheExporterWhenTheExportFolderIsSet(@TempDir Path directory) {
		this.runner.withPropertyValues("fsm.diagrams.export-dir=" + directory, "fsm.diagrams.export-formats=dot")
			.run((context) -> {
				List<Path> files = context.getBean(WorkflowDiagramExporter.class).export();
				assertThat(files).containsExactly(directory.resolve("Door.state.dot"));
				assertThat(directory.resolve("Door.state.dot")).content().startsWith("digraph \"Door.state\" {");
			});
	}

	@Test
	void backsOffFromTheDiagramsOfTheUser() {
		this.runner.withUserConfiguration(UserDiagrams.class)
			.run((context) -> assertThat(context).getBean(WorkflowDiagrams.class)
				.isSameAs(context.getBean("myDiagrams")));
	}

	@Test
	void providesNothingWithoutTheTransitionEngine() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FsmDiagramAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WorkflowDiagrams.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserDiagrams {

		/**
		 * An implementation of the application's own, not a
		 * {@link DefaultWorkflowDiagrams}.
		 */
		@Bean
		WorkflowDiagrams myDiagrams() {
			return new WorkflowDiagrams() {

				@Override
				public String render(Workflow workflow, DiagramFormat format, Highlight highlight) {
					return "my diagram of " + workflow.name();
				}

				@Override
				public String render(Object entity, DiagramFormat format) {
					return "my diagram";
				}

				@Override
				public Highlight highlight(Object entity, Workflow workflow) {
					return Highlight.none();
				}

			};
		}

	}

	public static class Door {

		@StateField(states = { "CLOSED", "OPEN" })
		String state = "CLOSED";

	}

	/** A flow bean, so the workflow of {@link Door} is known at start-up. */
	public static class DoorFlow {

		@Transition(source = "CLOSED", target = "OPEN")
		public void open(Door door) {
		}

	}

}
