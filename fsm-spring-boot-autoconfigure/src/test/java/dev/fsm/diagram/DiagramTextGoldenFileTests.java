package dev.fsm.diagram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.fsm.DiagramFormat;
import dev.fsm.Highlight;
import dev.fsm.Workflow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Mermaid and DOT text of sample workflows, compared with the files under
 * {@code src/test/resources/dev/fsm/diagram/} (read from the source folder, the module
 * being the working directory of the tests). After an intended change of the output,
 * rerun with {@code -Dfsm.diagram.update-golden-files=true} and review the diff of the
 * files.
 */
class DiagramTextGoldenFileTests {

	private static final Path GOLDEN_FILES = Path.of("src/test/resources/dev/fsm/diagram");

	static Stream<Arguments> diagrams() {
		Highlight adminReview = Highlight.of("ADMIN_REVIEW", Set.of("publish", "sendBack"));
		return Stream.of(DiagramFormat.MERMAID, DiagramFormat.DOT)
			.flatMap((format) -> Stream.of(
					Arguments.of("case-report", SampleWorkflows.caseReport(), format, Highlight.none()),
					Arguments.of("case-report-highlighted", SampleWorkflows.caseReport(), format, adminReview),
					Arguments.of("upload", SampleWorkflows.upload(), format, Highlight.none()),
					Arguments.of("order-groups", SampleWorkflows.groupedOrder(), format, Highlight.none()),
					Arguments.of("order-groups-highlighted", SampleWorkflows.groupedOrder(), format,
							Highlight.of("PROCESSING", Set.of("cancel", "send"))),
					Arguments.of("showcase", SampleWorkflows.showcase(), format, Highlight.none())));
	}

	@ParameterizedTest(name = "{0}.{2}")
	@MethodSource("diagrams")
	void matchesGoldenFile(String name, Workflow workflow, DiagramFormat format, Highlight highlight)
			throws IOException {
		String file = name + "." + format.fileExtension();
		DiagramModel model = DiagramModel.of(workflow, highlight);
		String rendered = (format == DiagramFormat.MERMAID) ? new MermaidRenderer().render(model)
				: new DotRenderer().render(model);
		if (Boolean.getBoolean("fsm.diagram.update-golden-files")) {
			Files.writeString(GOLDEN_FILES.resolve(file), rendered);
		}
		assertThat(rendered).isEqualTo(Files.readString(GOLDEN_FILES.resolve(file)));
	}

}
