package dev.fsm.test.coverage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The minimum: a ratio or a percentage of transitions committed at least once.
 */
class CoverageCheckTests {

	@TempDir
	Path target;

	private final CoverageSummary twoOfThree = new CoverageSummary(3, 2, 4, 2, List.of("retract (CaseReport.state)"));

	@Test
	void readsTheMinimumAsARatioOrAPercentage() {
		assertThat(CoverageCheck.parseMinimum("0.8")).isEqualTo(0.8);
		assertThat(CoverageCheck.parseMinimum("80%")).isEqualTo(0.8);
		assertThat(CoverageCheck.parseMinimum(" 80 % ")).isEqualTo(0.8);
		assertThat(CoverageCheck.parseMinimum("80")).isEqualTo(0.8);
		assertThat(CoverageCheck.parseMinimum("1")).isEqualTo(1.0);
		assertThat(CoverageCheck.parseMinimum("100%")).isEqualTo(1.0);
		assertThat(CoverageCheck.parseMinimum("0")).isEqualTo(0.0);
	}

	@Test
	void refusesAMinimumThatIsNeither() {
		assertThatIllegalArgumentException().isThrownBy(() -> CoverageCheck.parseMinimum("most"))
			.withMessage("fsm.test.coverage.minimum must be a ratio (0.8) or a percentage (80%) between 0 and 100%, not"
					+ " 'most'");
		assertThatIllegalArgumentException().isThrownBy(() -> CoverageCheck.parseMinimum("120%"))
			.withMessage("fsm.test.coverage.minimum must be a ratio (0.8) or a percentage (80%) between 0 and 100%, not"
					+ " '120%'");
	}

	@Test
	void aCoverageBelowTheMinimumFailsWithTheTransitionsNeverCommitted() {
		CoverageCheck check = new CoverageCheck(this.target);
		assertThat(check.failure(this.twoOfThree, "0.8")).hasValue("Transition coverage is 66.6% (2 of 3 transitions"
				+ " committed at least once), below the minimum of 80% (fsm.test.coverage.minimum); never committed:"
				+ " retract (CaseReport.state). See " + this.target.resolve("fsm-coverage.md"));
	}

	@Test
	void aCoverageAtOrAboveTheMinimumPasses() {
		CoverageCheck check = new CoverageCheck(this.target);
		assertThat(check.failure(this.twoOfThree, "0.66")).isEmpty();
		assertThat(check.failure(new CoverageSummary(3, 3, 4, 4, List.of()), "100%")).isEmpty();
	}

	@Test
	void reportsTheNewestRunOfTheBuildDirectory() throws IOException {
		new CoverageDirectory(this.target).writeJvm("101-1", "build-1", CoverageDirectoryTests.committed("submit"));
		assertThat(new CoverageCheck(this.target).report())
			.hasValueSatisfying((summary) -> assertThat(summary.describe()).isEqualTo(
					"1 of 3 transitions committed at least once" + " (33.3%), from 1 of 3 source states (33.3%)."));
	}

}
