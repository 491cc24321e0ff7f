package dev.fsm.test.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * One file per test JVM, merged per run: the files of Surefire's forks of one build are
 * merged, the files of an earlier build are not.
 */
class CoverageDirectoryTests {

	@TempDir
	Path target;

	@Test
	void eachJvmWritesItsFileAndTheReportsOfEveryJvmOfItsRun() throws IOException {
		CoverageDirectory directory = new CoverageDirectory(this.target);
		directory.writeJvm("101-1", "build-1", committed("submit"));
		CoverageSummary summary = directory.writeJvm("102-1", "build-1", committed("publish"));
		assertThat(this.target.resolve("fsm-coverage")).isDirectoryContaining("glob:**/101-1.json")
			.isDirectoryContaining("glob:**/102-1.json");
		assertThat(summary.covered()).isEqualTo(2);
		assertThat(summary.transitions()).isEqualTo(3);
		assertThat(this.target.resolve("fsm-coverage.md")).content()
			.contains("| CaseReport.state | submit | DRAFT | DRAFT 1 |",
					"| CaseReport.state | publish | ADMIN_REVIEW | ADMIN_REVIEW 1 |",
					"| CaseReport.state | retract | LIVE | never |");
		assertThat(this.target.resolve("fsm-coverage.json")).content().contains("\"covered\": 2");
	}

	@Test
	void theFilesOfAnEarlierRunAreDeleted() throws IOException {
		CoverageDirectory directory = new CoverageDirectory(this.target);
		directory.writeJvm("101-1", "build-1", committed("submit"));
		directory.writeJvm("102-1", "build-1", committed("publish"));
		CoverageSummary summary = directory.writeJvm("201-2", "build-2", committed("retract"));
		assertThat(summary.covered()).isEqualTo(1);
		try (var files = Files.list(this.target.resolve("fsm-coverage"))) {
			assertThat(files.map((file) -> file.getFileName().toString()).filter((name) -> name.endsWith(".json")))
				.containsExactly("201-2.json");
		}
	}

	@Test
	void afterTheTestsTheNewestRunIsMerged() throws IOException {
		CoverageDirectory directory = new CoverageDirectory(this.target);
		directory.writeJvm("101-1", "build-1", committed("submit"));
		directory.writeJvm("102-1", "build-1", committed("publish"));
		Path folder = this.target.resolve("fsm-coverage");
		Files.writeString(folder.resolve("099-0.json"), CoverageJson.write(committed("retract"), "build-0", null));
		Files.setLastModifiedTime(folder.resolve("099-0.json"), FileTime.fromMillis(0));
		assertThat(directory.mergeNewestRun()).hasValueSatisfying((summary) -> {
			assertThat(summary.covered()).isEqualTo(2);
			assertThat(summary.neverCommitted()).containsExactly("retract (CaseReport.state)");
		});
	}

	@Test
	void withoutFilesThereIsNothingToMerge() throws IOException {
		assertThat(new CoverageDirectory(this.target).mergeNewestRun()).isEmpty();
		Files.createDirectories(this.target.resolve("fsm-coverage"));
		assertThat(new CoverageDirectory(this.target).mergeNewestRun()).isEmpty();
	}

	@Test
	void aFileThatIsNoCoverageFileIsAnError() throws IOException {
		Path folder = Files.createDirectories(this.target.resolve("fsm-coverage"));
		Files.writeString(folder.resolve("bad.json"), "{");
		assertThatIOException().isThrownBy(() -> new CoverageDirectory(this.target).mergeNewestRun())
			.withMessage("Cannot read the transition coverage file " + folder.resolve("bad.json")
					+ ": Not a coverage file: unexpected end at character 1");
	}

	static CoverageData committed(String transition) {
		CoverageData data = new CoverageData();
		data.declare("CaseReport.state", "submit", List.of("DRAFT"));
		data.declare("CaseReport.state", "publish", List.of("ADMIN_REVIEW"));
		data.declare("CaseReport.state", "retract", List.of("LIVE"));
		String source = switch (transition) {
			case "submit" -> "DRAFT";
			case "publish" -> "ADMIN_REVIEW";
			default -> "LIVE";
		};
		data.record("CaseReport.state", transition, source, CoverageOutcome.COMMITTED);
		return data;
	}

}
