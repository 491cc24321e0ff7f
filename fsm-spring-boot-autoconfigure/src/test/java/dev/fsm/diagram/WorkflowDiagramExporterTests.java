package dev.fsm.diagram;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export command: the application started with {@code --fsm.diagrams.export-dir}
 * writes the diagrams of every workflow and shuts down, once its own runners (here one
 * that seeds data through JPA) have run.
 */
class WorkflowDiagramExporterTests {

	@Test
	void writesEveryWorkflowInEveryFormatThenShutsDown(@TempDir Path directory) throws Exception {
		Path target = directory.resolve("docs/diagrams");
		ConfigurableApplicationContext context = run("--fsm.diagrams.export-dir=" + target);
		assertThat(context.isActive()).isFalse();
		assertThat(target).isDirectoryContaining("glob:**/Invoice.state.svg")
			.isDirectoryContaining("glob:**/Invoice.state.mmd")
			.isDirectoryContaining("glob:**/Invoice.state.dot");
		try (var files = Files.list(target)) {
			assertThat(files).hasSize(3);
		}
		SvgDocument svg = new SvgDocument(Files.readString(target.resolve("Invoice.state.svg")));
		assertThat(svg.states).containsOnlyKeys("DRAFT", "SENT", "OVERDUE", "PAID", "CANCELLED");
		assertThat(Files.readString(target.resolve("Invoice.state.mmd"))).startsWith("%% Workflow Invoice.state\n")
			.contains("SENT --> OVERDUE : Send reminder");
		assertThat(Files.readString(target.resolve("Invoice.state.dot"))).startsWith("digraph \"Invoice.state\" {");
	}

	@Test
	void writesTheChosenFormatsAndKeepsRunningWhenTold(@TempDir Path directory) {
		try (ConfigurableApplicationContext context = run("--fsm.diagrams.export-dir=" + directory,
				"--fsm.diagrams.export-formats=svg,mermaid", "--fsm.diagrams.exit-after-export=false")) {
			assertThat(context.isActive()).isTrue();
			assertThat(directory.resolve("Invoice.state.svg")).exists();
			assertThat(directory.resolve("Invoice.state.mmd")).exists();
			assertThat(directory.resolve("Invoice.state.dot")).doesNotExist();
		}
	}

	@Test
	void writesNothingWithoutTheProperty() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.isActive()).isTrue();
			assertThat(context.getBeansOfType(WorkflowDiagramExporter.class)).isEmpty();
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(DiagramTestApplication.class).web(WebApplicationType.NONE).run(args);
	}

}
