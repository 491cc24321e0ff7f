package dev.fsm.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fsm.Transitions;

import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Locked doors, point 2, on the sample: what the attacker read in refusals (permission
 * expressions naming users, which condition failed on a transition he may not fire) is gone. The
 * author who tries to publish her own report is told she may not, not that she has not approved
 * it; reasons and problem details are words, and so is the OpenAPI document.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RefusalAttackTests {

	private static final String API = "/api/workflows/CaseReport.state/";

	private static final RequestPostProcessor AUTHOR = httpBasic(DemoUsers.AUTHOR, DemoUsers.PASSWORD);

	private static final RequestPostProcessor STAFF = httpBasic(DemoUsers.STAFF, DemoUsers.PASSWORD);

	/** What the refusals showed before: permission and condition expressions, and who they name. */
	private static final List<String> LEAKS = List.of("#entity", "authentication", "hasRole", "'system'", "authorApproved",
			"isBlank", "staff@example.com", "STAFF");

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Transitions transitions;

	@Test
	void theAuthorWhoMayNotPublishLearnsThatAndNotThatSheHasNotApproved() throws Exception {
		CaseReport report = submitted();
		String body = this.mvc
			.perform(post(API + report.getId() + "/transitions/publish").with(AUTHOR).header(HttpHeaders.IF_MATCH, "\"1\"")
				.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:denied"))
			.andExpect(jsonPath("$.detail").value("Only staff may publish a report"))
			.andExpect(jsonPath("$.conditions").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(LEAKS);
		assertUnchanged(report);
	}

	@Test
	void theReasonsOfEveryTransitionAreWords() throws Exception {
		CaseReport report = submitted();
		for (RequestPostProcessor user : List.of(AUTHOR, STAFF)) {
			String body = this.mvc.perform(get(API + report.getId()).with(user))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain(LEAKS);
		}
		this.mvc.perform(get(API + report.getId()).with(AUTHOR))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].reasons[*]",
					contains("You may not fire this transition.")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].message", contains("Only staff may publish a report")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'authorReviewTimedOut')].reasons[*]",
					contains("AUTHOR_REVIEW")));
		this.mvc.perform(get(API + report.getId()).with(STAFF))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].status", contains("CONDITIONS_FAILED")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].reasons[*]",
					contains("Not possible now: its conditions are not met.")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].message",
					contains("The author has not approved the latest text of \"A rare case\".")));
		assertUnchanged(report);
	}

	@Test
	void staffWhoMayNotApproveForTheAuthorAreToldSoInWords() throws Exception {
		CaseReport report = submitted();
		this.transitions.runAs(user(DemoUsers.STAFF, "STAFF"), () -> this.transitions.fire(report, "sendBack"));
		String body = this.mvc
			.perform(post(API + report.getId() + "/transitions/approve").with(STAFF).header(HttpHeaders.IF_MATCH, "\"2\"")
				.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Only the report's author may approve it"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(LEAKS).doesNotContain(DemoUsers.AUTHOR);
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.AUTHOR_REVIEW);
	}

	@Test
	void theOpenApiDocumentNamesNoPermissionNorCondition() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs").with(STAFF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/workflows/CaseReport.state/{id}/transitions/publish'].post.description")
				.value("Publish the report its author approved\n\nFrom ADMIN_REVIEW to LIVE"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(document).doesNotContain("#entity", "authentication.name", "hasRole", "'system'", "isBlank");
	}

	/** Version 1, in ADMIN_REVIEW, not yet approved by its author. */
	private CaseReport submitted() {
		CaseReport report = this.reports.save(new CaseReport("A rare case", DemoUsers.AUTHOR));
		this.transitions.runAs(DemoUsers.AUTHOR, () -> this.transitions.on(report).submit());
		return this.reports.findById(report.getId()).orElseThrow();
	}

	private void assertUnchanged(CaseReport report) {
		CaseReport after = this.reports.findById(report.getId()).orElseThrow();
		assertThat(List.of(after.getState(), after.getVersion(), after.isAdminApproved()))
			.containsExactly(ReportState.ADMIN_REVIEW, 1L, false);
		assertThat(this.jdbc.queryForList("select transition_name from fsm_transition_record where entity_type ="
				+ " 'CaseReport' and entity_id = ? order by seq_no", String.class, report.getId().toString()))
			.containsExactly("submit");
	}

}
