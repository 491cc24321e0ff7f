package dev.fsm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The goal that runs after the tests: merges what every test JVM wrote, reports it, and
 * fails the build below the minimum. Runs with nothing of the test module but its
 * coverage classes, as in Maven.
 */
class CoverageMojoTests {

	@TempDir
	Path target;

	private final List<String> log = new ArrayList<>();

	private final CoverageMojo mojo = new CoverageMojo();

	@BeforeEach
	void configure() {
		this.mojo.buildDirectory = this.target.toFile();
		this.mojo.setLog(new SystemStreamLog() {

			@Override
			public void info(CharSequence content) {
				CoverageMojoTests.this.log.add(content.toString());
			}

		});
	}

	@Test
	void failsTheBuildBelowTheMinimum() throws IOException {
		forks();
		this.mojo.minimum = "80%";
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(this.mojo::execute)
			.withMessage("Transition coverage is 66.6% (2 of 3 transitions committed at least once), below the minimum"
					+ " of 80% (fsm.test.coverage.minimum); never committed: retract (CaseReport.state). See "
					+ this.target.resolve("fsm-coverage.md"));
	}

	@Test
	void mergesEveryForkOfTheBuildAndPassesAtTheMinimum() throws IOException {
		forks();
		this.mojo.minimum = "0.66";
		assertThatNoException().isThrownBy(this.mojo::execute);
		assertThat(this.log).containsExactly("Transition coverage: 2 of 3 transitions committed at least once (66.6%),"
				+ " from 2 of 3 source states (66.6%). Report: " + this.target.resolve("fsm-coverage.md"));
		assertThat(this.target.resolve("fsm-coverage.md")).content()
			.contains("| CaseReport.state | submit | DRAFT | DRAFT 1 |  |  |  |",
					"| CaseReport.state | publish | ADMIN_REVIEW | ADMIN_REVIEW 1 |  |  |  |",
					"| CaseReport.state | retract | LIVE | never |  |  | LIVE |");
		assertThat(this.target.resolve("fsm-coverage.json")).content().contains("\"covered\": 2");
	}

	@Test
	void onlyReportsWithoutAMinimum() throws IOException {
		forks();
		assertThatNoException().isThrownBy(this.mojo::execute);
		assertThat(this.target.resolve("fsm-coverage.md")).exists();
	}

	@Test
	void refusesAMinimumItCannotRead() throws IOException {
		forks();
		this.mojo.minimum = "most";
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(this.mojo::execute)
			.withMessage("fsm.test.coverage.minimum must be a ratio (0.8) or a percentage (80%) between 0 and 100%, not"
					+ " 'most'");
	}

	@Test
	void passesWhenNoTestStartedAWorkflow() {
		this.mojo.minimum = "100%";
		assertThatNoException().isThrownBy(this.mojo::execute);
		assertThat(this.log).containsExactly(
				"No transition coverage in " + this.target.resolve("fsm-coverage") + ": no test started a workflow");
	}

	@Test
	void isSkippedWithTheTests() throws IOException {
		forks();
		this.mojo.minimum = "100%";
		this.mojo.skipTests = true;
		assertThatNoException().isThrownBy(this.mojo::execute);
		assertThat(this.log).containsExactly("Transition coverage skipped");
	}

	/** What two Surefire forks of one build write: each committed one transition. */
	private void forks() throws IOException {
		Path folder = Files.createDirectories(this.target.resolve("fsm-coverage"));
		Files.writeString(folder.resolve("101-1.json"), jvmFile("submit", "DRAFT"));
		Files.writeString(folder.resolve("102-1.json"), jvmFile("publish", "ADMIN_REVIEW"));
	}

	private static String jvmFile(String committed, String source) {
		return """
				{
				  "run": "100-1",
				  "workflows": [
				    {
				      "name": "CaseReport.state",
				      "transitions": [
				        {"name": "submit", "sources": ["DRAFT"], "committed": {}, "refused": {}, "failed": {}},
				        {"name": "publish", "sources": ["ADMIN_REVIEW"], "committed": {}, "refused": {}, "failed": {}},
				        {"name": "retract", "sources": ["LIVE"], "committed": {}, "refused": {}, "failed": {}},
				        {"name": "%s", "sources": ["%s"], "committed": {"%s": 1}, "refused": {}, "failed": {}}
				      ]
				    }
				  ]
				}
				""".formatted(committed, source, source);
	}

}
