package dev.fsm.test.coverage;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The coverage of a run: its summary, its JSON, its Markdown table.
 */
class CoverageReportTests {

	static CoverageData caseReports() {
		CoverageData data = new CoverageData();
		data.declare("CaseReport.state", "submit", List.of("DRAFT", "AUTHOR_REVIEW"));
		data.declare("CaseReport.state", "publish", List.of("ADMIN_REVIEW"));
		data.declare("CaseReport.state", "retract", List.of("LIVE"));
		data.record("CaseReport.state", "submit", "DRAFT", CoverageOutcome.COMMITTED, 3);
		data.record("CaseReport.state", "submit", "DRAFT", CoverageOutcome.REFUSED);
		data.record("CaseReport.state", "publish", "ADMIN_REVIEW", CoverageOutcome.COMMITTED);
		data.record("CaseReport.state", "publish", "DRAFT", CoverageOutcome.REFUSED, 2);
		data.record("CaseReport.state", "retract", "LIVE", CoverageOutcome.FAILED);
		return data;
	}

	@Test
	void aTransitionIsCoveredWhenOneAttemptCommitted() {
		CoverageSummary summary = CoverageSummary.of(caseReports());
		assertThat(summary).isEqualTo(new CoverageSummary(3, 2, 4, 2, List.of("retract (CaseReport.state)")));
		assertThat(summary.ratio()).isEqualTo(2.0 / 3);
		assertThat(summary.describe())
			.isEqualTo("2 of 3 transitions committed at least once (66.6%), from 2 of 4 source states (50%).");
	}

	@Test
	void percentagesAreRoundedDownSoThatNoShortfallShowsAsTheMinimum() {
		assertThat(CoverageSummary.percent(1)).isEqualTo("100%");
		assertThat(CoverageSummary.percent(0.8)).isEqualTo("80%");
		assertThat(CoverageSummary.percent(0.9999)).isEqualTo("99.9%");
		assertThat(CoverageSummary.percent(0.0)).isEqualTo("0%");
		assertThat(CoverageSummary.of(new CoverageData()).ratio()).isEqualTo(1.0);
	}

	@Test
	void writesTheTableOfTheReport() {
		CoverageData data = caseReports();
		assertThat(CoverageMarkdown.render(data, CoverageSummary.of(data))).isEqualTo("""
				# Transition coverage

				2 of 3 transitions committed at least once (66.6%), from 2 of 4 source states (50%).

				| workflow | transition | source states | committed | refused | failed | never committed from |
				|---|---|---|---|---|---|---|
				| CaseReport.state | submit | DRAFT, AUTHOR_REVIEW | DRAFT 3 | DRAFT 1 |  | AUTHOR_REVIEW |
				| CaseReport.state | publish | ADMIN_REVIEW | ADMIN_REVIEW 1 | DRAFT 2 |  |  |
				| CaseReport.state | retract | LIVE | never |  | LIVE 1 | LIVE |
				""");
	}

	@Test
	void writesAndReadsTheJsonOfOneJvm() {
		CoverageData data = caseReports();
		String json = CoverageJson.write(data, "4242-1700000000000", null);
		assertThat(json).isEqualTo("""
				{
				  "run": "4242-1700000000000",
				  "workflows": [
				    {
				      "name": "CaseReport.state",
				      "transitions": [
				        {
				          "name": "submit",
				          "sources": ["DRAFT", "AUTHOR_REVIEW"],
				          "committed": {"DRAFT": 3},
				          "refused": {"DRAFT": 1},
				          "failed": {}
				        },
				        {
				          "name": "publish",
				          "sources": ["ADMIN_REVIEW"],
				          "committed": {"ADMIN_REVIEW": 1},
				          "refused": {"DRAFT": 2},
				          "failed": {}
				        },
				        {
				          "name": "retract",
				          "sources": ["LIVE"],
				          "committed": {},
				          "refused": {},
				          "failed": {"LIVE": 1}
				        }
				      ]
				    }
				  ]
				}
				""");
		CoverageJson.Parsed parsed = CoverageJson.read(json);
		assertThat(parsed.run()).isEqualTo("4242-1700000000000");
		assertThat(CoverageJson.write(parsed.data(), "4242-1700000000000", null)).isEqualTo(json);
	}

	@Test
	void theMergedJsonHasTheSummaryAndNoRun() {
		CoverageData data = caseReports();
		String json = CoverageJson.write(data, null, CoverageSummary.of(data));
		assertThat(json).startsWith("""
				{
				  "summary": {
				    "transitions": 3,
				    "covered": 2,
				    "ratio": 0.6667,
				    "sourceStates": 4,
				    "sourceStatesCovered": 2,
				    "neverCommitted": ["retract (CaseReport.state)"]
				  },
				  "workflows": [
				""");
		assertThat(CoverageJson.read(json).run()).isNull();
	}

	@Test
	void namesWithQuotesAndBackslashesSurviveTheRoundTrip() {
		CoverageData data = new CoverageData();
		data.declare("Odd \"name\"", "a\\b", List.of("x\ty"));
		CoverageData read = CoverageJson.read(CoverageJson.write(data, null, null)).data();
		assertThat(read.workflows()).containsOnlyKeys("Odd \"name\"");
		assertThat(read.workflows().get("Odd \"name\"").get("a\\b").sources()).containsExactly("x\ty");
	}

	@Test
	void refusesATextThatIsNoCoverageFile() {
		assertThatIllegalArgumentException().isThrownBy(() -> CoverageJson.read("{\"workflows\": [1]}"))
			.withMessage("a workflow is not a JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> CoverageJson.read("{\"workflows\": ["))
			.withMessage("Not a coverage file: unexpected end at character 15");
	}

	@Test
	void mergingAddsCountsAndKeepsEveryTransition() {
		CoverageData first = caseReports();
		CoverageData second = new CoverageData();
		second.declare("CaseReport.state", "retract", List.of("LIVE"));
		second.record("CaseReport.state", "retract", "LIVE", CoverageOutcome.COMMITTED);
		second.record("CaseReport.state", "submit", "DRAFT", CoverageOutcome.COMMITTED);
		second.declare("Order.status", "ship", List.of("PAID"));
		first.merge(second);
		assertThat(first.workflows().get("CaseReport.state").get("submit").byState(CoverageOutcome.COMMITTED))
			.containsEntry("DRAFT", 4L);
		assertThat(CoverageSummary.of(first))
			.isEqualTo(new CoverageSummary(4, 3, 5, 3, List.of("ship (Order.status)")));
	}

}
