package dev.fsm.sample;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fsm.Transitions;

import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The authors' pages, each as the right and the wrong user, and every transition fired from a
 * report's page by a user who may and by one who may not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportPagesTests {

	static final RequestPostProcessor AUTHOR = SecurityMockMvcRequestPostProcessors.user(DemoUsers.AUTHOR).roles("AUTHOR");

	static final RequestPostProcessor OTHER_AUTHOR = SecurityMockMvcRequestPostProcessors.user(DemoUsers.OTHER_AUTHOR)
		.roles("AUTHOR");

	static final RequestPostProcessor STAFF = SecurityMockMvcRequestPostProcessors.user(DemoUsers.STAFF).roles("STAFF");

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	Transitions transitions;

	// signing in

	@Test
	void theLoginPageListsTheDemoUsers() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("author@example.com"), containsString("author2@example.com"),
					containsString("staff@example.com"), containsString("<code>password</code>"),
					containsString("name=\"_csrf\""))));
	}

	@Test
	void aBrowserNotSignedInIsSentToTheLoginPageAndAScriptAskedForCredentials() throws Exception {
		this.mvc.perform(get("/reports").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api/workflows")).andExpect(status().isUnauthorized());
	}

	@Test
	void aDemoUserSignsInWithTheFormAndLandsOnTheReports() throws Exception {
		this.mvc.perform(post("/login").with(csrf()).param("username", DemoUsers.AUTHOR).param("password", "password"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/reports"));
		this.mvc.perform(post("/login").with(csrf()).param("username", DemoUsers.AUTHOR).param("password", "wrong"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
		long id = draft(DemoUsers.AUTHOR).getId();
		this.mvc.perform(post("/reports/" + id + "/transitions/submit").with(AUTHOR).param("version", "0"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/login").param("username", DemoUsers.AUTHOR).param("password", "password"))
			.andExpect(status().isForbidden());
		assertThat(state(id)).isEqualTo(ReportState.DRAFT);
	}

	// the list

	@Test
	void anAuthorSeesHerOwnReportsOnly() throws Exception {
		draft(DemoUsers.AUTHOR, "Mine, listed");
		draft(DemoUsers.OTHER_AUTHOR, "Not mine, not listed");
		this.mvc.perform(get("/reports").with(AUTHOR))
			.andExpect(status().isOk())
			.andExpect(view().name("reports"))
			.andExpect(content().string(allOf(containsString("My case reports"), containsString("Mine, listed"),
					not(containsString("Not mine, not listed")), not(containsString("Workflow console")))));
	}

	@Test
	void staffSeeEveryReportAndTheConsoleInTheNavigation() throws Exception {
		draft(DemoUsers.AUTHOR, "By the first author");
		draft(DemoUsers.OTHER_AUTHOR, "By the second author");
		this.mvc.perform(get("/reports").with(STAFF))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("All case reports"), containsString("By the first author"),
					containsString("By the second author"), containsString("href=\"/fsm\""),
					containsString("Workflow console"))));
	}

	// writing a report

	@Test
	void anAuthorWritesADraft() throws Exception {
		this.mvc.perform(get("/reports/new").with(AUTHOR))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("New case report"), containsString("name=\"title\""),
					containsString("name=\"body\""))));
		String location = this.mvc
			.perform(post("/reports").with(AUTHOR).with(csrf()).param("title", "A new case").param("body", "Findings"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/reports/*"))
			.andExpect(flash().attribute("message", "Your draft has been saved. Submit it when it is ready for review."))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		CaseReport report = this.reports.findById(Long.valueOf(location.substring("/reports/".length()))).orElseThrow();
		assertThat(report.getTitle()).isEqualTo("A new case");
		assertThat(report.getBody()).isEqualTo("Findings");
		assertThat(report.getAuthorEmail()).isEqualTo(DemoUsers.AUTHOR);
		assertThat(report.getState()).isEqualTo(ReportState.DRAFT);
	}

	@Test
	void aDraftNeedsATitle() throws Exception {
		long before = this.reports.count();
		this.mvc.perform(post("/reports").with(AUTHOR).with(csrf()).param("title", " ").param("body", "Findings"))
			.andExpect(status().isOk())
			.andExpect(view().name("report-form"))
			.andExpect(model().attributeHasFieldErrors("form", "title"))
			.andExpect(content().string(containsString("A case report needs a title.")));
		assertThat(this.reports.count()).isEqualTo(before);
	}

	// a report's page

	@Test
	void theAuthorSeesHerDraftWithTheButtonsSheMayUse() throws Exception {
		CaseReport report = draft(DemoUsers.AUTHOR, "Shown to its author");
		this.mvc.perform(get("/reports/" + report.getId()).with(AUTHOR))
			.andExpect(status().isOk())
			.andExpect(model().attribute("canEdit", true))
			.andExpect(content().string(allOf(containsString("Shown to its author"), containsString(">Draft<"),
					containsString("href=\"/reports/" + report.getId() + "/edit\""),
					containsString("data-action=\"submit\""), not(containsString("data-action=\"sendBack\"")),
					not(containsString("data-action=\"publish\"")),
					containsString("name=\"version\" value=\"0\""), containsString("<svg"),
					containsString("Written, not submitted yet."))));
	}

	@Test
	void staffSeeASubmittedReportWithTheirButtonsAndItsHistory() throws Exception {
		CaseReport report = submitted();
		this.mvc.perform(get("/reports/" + report.getId()).with(STAFF))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(">Processing<"), containsString("data-action=\"sendBack\""),
					not(containsString("data-action=\"publish\"")), containsString("/edit\""),
					containsString("<strong>Submit</strong>"), containsString(DemoUsers.AUTHOR + "</span> ·"))));
		this.mvc.perform(get("/reports/" + report.getId()).with(AUTHOR))
			.andExpect(status().isOk())
			.andExpect(model().attribute("canEdit", false))
			.andExpect(content().string(allOf(containsString("Staff are reviewing this report."),
					not(containsString("data-action=")))));
	}

	@Test
	void anotherAuthorsReportIsNotFoundAsIfItDidNotExist() throws Exception {
		CaseReport report = draft(DemoUsers.AUTHOR);
		this.mvc.perform(get("/reports/" + report.getId()).with(OTHER_AUTHOR))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/reports/" + report.getId() + "/edit").with(OTHER_AUTHOR)).andExpect(status().isNotFound());
		this.mvc.perform(post("/reports/" + report.getId() + "/edit").with(OTHER_AUTHOR).with(csrf())
			.param("title", "Taken over")
			.param("body", "")
			.param("version", "0")).andExpect(status().isNotFound());
		assertThat(this.reports.findById(report.getId()).orElseThrow().getTitle()).isEqualTo("Case");
	}

	@Test
	void anUnknownReportIsNotFound() throws Exception {
		this.mvc.perform(get("/reports/987654").with(AUTHOR)).andExpect(status().isNotFound());
	}

	// every transition, by the right and the wrong user

	@Test
	void theAuthorSubmitsHerDraft() throws Exception {
		long id = draft(DemoUsers.AUTHOR).getId();
		fire(id, "submit", 0, AUTHOR).andExpect(flash().attribute("message", "Submitted for review."));
		assertThat(state(id)).isEqualTo(ReportState.ADMIN_REVIEW);
	}

	@Test
	void neitherAnotherAuthorNorStaffSubmitAnAuthorsDraft() throws Exception {
		long id = draft(DemoUsers.AUTHOR).getId();
		notFound(id, "submit", 0, OTHER_AUTHOR);
		fire(id, "submit", 0, STAFF).andExpect(flash().attribute("problem", "You may not submit this case report."));
		assertThat(state(id)).isEqualTo(ReportState.DRAFT);
	}

	@Test
	void aDraftWithoutATitleCannotBeSubmitted() throws Exception {
		long id = this.reports.save(new CaseReport(" ", "", DemoUsers.AUTHOR)).getId();
		fire(id, "submit", 0, AUTHOR)
			.andExpect(flash().attribute("problem", "Submit is not possible yet: it needs a title."));
		assertThat(state(id)).isEqualTo(ReportState.DRAFT);
	}

	@Test
	void theAuthorEditsHerDraft() throws Exception {
		long id = draft(DemoUsers.AUTHOR).getId();
		this.mvc.perform(get("/reports/" + id + "/edit").with(AUTHOR))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Edit case report"), containsString("value=\"Case\""),
					containsString("name=\"version\" value=\"0\""))));
		edit(id, 0, AUTHOR, "Better title").andExpect(flash().attribute("message", "Your changes have been saved."));
		CaseReport report = this.reports.findById(id).orElseThrow();
		assertThat(report.getTitle()).isEqualTo("Better title");
		assertThat(report.getBody()).isEqualTo("Edited text");
		assertThat(report.getState()).isEqualTo(ReportState.DRAFT);
		assertThat(report.getVersion()).isEqualTo(1);
	}

	@Test
	void staffEditOnlyWhileTheyReviewAndTheAuthorNotThen() throws Exception {
		long draft = draft(DemoUsers.AUTHOR).getId();
		this.mvc.perform(get("/reports/" + draft + "/edit").with(STAFF)).andExpect(status().isForbidden());
		edit(draft, 0, STAFF, "Staff's title").andExpect(flash().attribute("problem", "You may not edit this case report."));
		assertThat(this.reports.findById(draft).orElseThrow().getTitle()).isEqualTo("Case");

		long inReview = submitted().getId();
		this.mvc.perform(get("/reports/" + inReview + "/edit").with(AUTHOR)).andExpect(status().isForbidden());
		edit(inReview, 1, AUTHOR, "Author's title")
			.andExpect(flash().attribute("problem", "You may not edit this case report."));
		edit(inReview, 1, STAFF, "Copy-edited title").andExpect(flash().attribute("message", "Your changes have been saved."));
		CaseReport report = this.reports.findById(inReview).orElseThrow();
		assertThat(report.getTitle()).isEqualTo("Copy-edited title");
		assertThat(report.getState()).isEqualTo(ReportState.ADMIN_REVIEW);
	}

	@Test
	void anEditWithoutATitleShowsTheFormAgain() throws Exception {
		long id = draft(DemoUsers.AUTHOR).getId();
		this.mvc
			.perform(post("/reports/" + id + "/edit").with(AUTHOR).with(csrf()).param("title", "").param("body", "x")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(view().name("report-form"))
			.andExpect(content().string(containsString("A case report needs a title.")));
		assertThat(this.reports.findById(id).orElseThrow().getVersion()).isZero();
	}

	@Test
	void staffSendAReportBackAndTheAuthorMayNot() throws Exception {
		long id = submitted().getId();
		fire(id, "sendBack", 1, AUTHOR).andExpect(flash().attribute("problem", "You may not send back this case report."));
		assertThat(state(id)).isEqualTo(ReportState.ADMIN_REVIEW);
		fire(id, "sendBack", 1, STAFF)
			.andExpect(flash().attribute("message", "The case report has been sent back to its author."));
		assertThat(state(id)).isEqualTo(ReportState.AUTHOR_REVIEW);
	}

	@Test
	void theAuthorApprovesWhatStaffSentBackAndStaffMayNot() throws Exception {
		long id = sentBack().getId();
		fire(id, "approve", 2, STAFF).andExpect(flash().attribute("problem", "You may not approve this case report."));
		notFound(id, "approve", 2, OTHER_AUTHOR);
		assertThat(state(id)).isEqualTo(ReportState.AUTHOR_REVIEW);
		fire(id, "approve", 2, AUTHOR).andExpect(flash().attribute("message",
				"Thank you for approving your Case Report. We will contact you when it goes live."));
		CaseReport report = this.reports.findById(id).orElseThrow();
		assertThat(report.getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(report.isAuthorApproved()).isTrue();
		assertThat(report.isAdminApproved()).isFalse();
	}

	@Test
	void staffPublishAnApprovedReportAndTheAuthorMayNot() throws Exception {
		long id = approved().getId();
		fire(id, "publish", 3, AUTHOR).andExpect(flash().attribute("problem", "You may not publish this case report."));
		assertThat(state(id)).isEqualTo(ReportState.ADMIN_REVIEW);
		fire(id, "publish", 3, STAFF).andExpect(flash().attribute("message", "The case report is live."));
		CaseReport report = this.reports.findById(id).orElseThrow();
		assertThat(report.getState()).isEqualTo(ReportState.LIVE);
		assertThat(report.isAdminApproved()).isTrue();
	}

	@Test
	void staffCannotPublishWhatTheAuthorHasNotApproved() throws Exception {
		long id = submitted().getId();
		fire(id, "publish", 1, STAFF)
			.andExpect(flash().attribute("problem", "Publish is not possible yet: its author has not approved it yet."));
		assertThat(state(id)).isEqualTo(ReportState.ADMIN_REVIEW);
	}

	@Test
	void aDraftCannotBePublished() throws Exception {
		long id = draft(DemoUsers.AUTHOR).getId();
		fire(id, "publish", 0, STAFF)
			.andExpect(flash().attribute("problem", "Publish is not possible while the case report is Draft."));
		assertThat(state(id)).isEqualTo(ReportState.DRAFT);
	}

	@Test
	void theAuthorRetractsHerLiveReportAndAnotherAuthorMayNot() throws Exception {
		long id = live().getId();
		notFound(id, "retract", 4, OTHER_AUTHOR);
		assertThat(state(id)).isEqualTo(ReportState.LIVE);
		fire(id, "retract", 4, AUTHOR).andExpect(flash().attribute("message", "The case report has been retracted."));
		assertThat(state(id)).isEqualTo(ReportState.RETRACTED);
	}

	@Test
	void staffRetractALiveReportToo() throws Exception {
		long id = live().getId();
		fire(id, "retract", 4, STAFF).andExpect(flash().attribute("message", "The case report has been retracted."));
		assertThat(state(id)).isEqualTo(ReportState.RETRACTED);
	}

	@Test
	void aStalePageGetsTheConflictMessageAndChangesNothing() throws Exception {
		long id = submitted().getId();
		// a staff member's page shows version 1; another one sends the report back first
		as("another.staff@example.com", "STAFF",
				() -> this.transitions.on(this.reports.findById(id).orElseThrow()).sendBack());
		fire(id, "sendBack", 1, STAFF).andExpect(flash().attribute("problem",
				"Someone else changed this case report while you were looking at it; it is now Author review."
						+ " Nothing was changed: check the report as it is now and try again."));
		CaseReport report = this.reports.findById(id).orElseThrow();
		assertThat(report.getState()).isEqualTo(ReportState.AUTHOR_REVIEW);
		assertThat(report.getVersion()).isEqualTo(2);
		assertThat(this.transitions.history(report)).hasSize(2);
	}

	@Test
	void aPageMadeStaleByTheSameUserInAnotherTabSaysSo() throws Exception {
		long id = submitted().getId();
		// the staff member's first tab shows version 1; their second tab sent the report back
		as(DemoUsers.STAFF, "STAFF", () -> this.transitions.on(this.reports.findById(id).orElseThrow()).sendBack());
		fire(id, "sendBack", 1, STAFF).andExpect(flash().attribute("problem",
				"You changed this case report in another tab or window; it is now Author review."
						+ " Nothing was changed: check the report as it is now and try again."));
	}

	@Test
	void aPageMadeStaleByTheUserAndSomeoneElseIsSomeoneElses() throws Exception {
		long id = submitted().getId();
		as(DemoUsers.STAFF, "STAFF", () -> this.transitions.on(this.reports.findById(id).orElseThrow()).sendBack());
		as(DemoUsers.AUTHOR, "AUTHOR", () -> this.transitions.on(this.reports.findById(id).orElseThrow()).approve());
		fire(id, "sendBack", 1, STAFF).andExpect(flash().attribute("problem",
				"Someone else changed this case report while you were looking at it; it is now Processing."
						+ " Nothing was changed: check the report as it is now and try again."));
	}

	@Test
	void aStaleEditFormGetsTheConflictMessage() throws Exception {
		long id = draft(DemoUsers.AUTHOR).getId();
		edit(id, 0, AUTHOR, "First save").andExpect(flash().attribute("message", "Your changes have been saved."));
		edit(id, 0, AUTHOR, "Second tab's save").andExpect(flash().attribute("problem",
				"You changed this case report in another tab or window; it is now Draft."
						+ " Nothing was changed: check the report as it is now and try again."));
		assertThat(this.reports.findById(id).orElseThrow().getTitle()).isEqualTo("First save");
	}

	@Test
	void theFlashMessageIsShownOnTheReportsPage() throws Exception {
		long id = draft(DemoUsers.AUTHOR).getId();
		this.mvc.perform(get("/reports/" + id).with(AUTHOR).flashAttr("message", "Submitted for review."))
			.andExpect(content().string(containsString("<div class=\"flash ok\" role=\"status\">Submitted for review.</div>")));
		this.mvc.perform(get("/reports/" + id).with(AUTHOR).flashAttr("problem", "You may not submit this case report."))
			.andExpect(content().string(
					containsString("<div class=\"flash problem\" role=\"alert\">You may not submit this case report.</div>")));
	}

	// the outbox, the console and the actuator

	@Test
	void theOutboxShowsEachUserTheMailSentToThem() throws Exception {
		CaseReport report = draft(DemoUsers.AUTHOR, "Mailed on the way back");
		as(DemoUsers.AUTHOR, "AUTHOR", () -> this.transitions.on(report).submit());
		as(DemoUsers.STAFF, "STAFF", () -> this.transitions.on(report).sendBack());
		String subject = "Your case report was sent back: Mailed on the way back";
		this.mvc.perform(get("/outbox").with(AUTHOR))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No mail server is configured"), containsString(subject))));
		this.mvc.perform(get("/outbox").with(OTHER_AUTHOR))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(subject))));
		this.mvc.perform(get("/outbox").with(STAFF)).andExpect(content().string(containsString(subject)));
	}

	@Test
	void staffOpenTheWorkflowConsoleAndAuthorsMayNot() throws Exception {
		this.mvc.perform(get("/fsm").with(STAFF))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a class=\"app\" href=\"/reports\">Case reports</a>")));
		this.mvc.perform(get("/fsm").with(AUTHOR)).andExpect(status().isForbidden());
	}

	@Test
	void theActuatorExposesHealthToAllAndMetricsAndTheWorkflowsToStaff() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk())
			.andExpect(content().string(containsString("\"status\":\"UP\"")));
		this.mvc.perform(get("/actuator/workflows").with(STAFF))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CaseReport.state")));
		this.mvc.perform(get("/actuator/metrics").with(STAFF))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"names\"")));
		this.mvc.perform(get("/actuator/env").with(STAFF)).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/workflows").with(AUTHOR)).andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/workflows")).andExpect(status().isUnauthorized());
	}

	// helpers

	/** Another author's report: as if it did not exist, and nothing fired. */
	private void notFound(long id, String transition, long version, RequestPostProcessor user) throws Exception {
		this.mvc
			.perform(post("/reports/" + id + "/transitions/" + transition).with(user).with(csrf())
				.param("version", String.valueOf(version)))
			.andExpect(status().isNotFound());
	}

	private ResultActions fire(long id, String transition, long version,
			RequestPostProcessor user) throws Exception {
		return this.mvc
			.perform(post("/reports/" + id + "/transitions/" + transition).with(user).with(csrf())
				.param("version", String.valueOf(version)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/reports/" + id));
	}

	private ResultActions edit(long id, long version, RequestPostProcessor user,
			String title) throws Exception {
		return this.mvc
			.perform(post("/reports/" + id + "/edit").with(user).with(csrf()).param("title", title)
				.param("body", "Edited text").param("version", String.valueOf(version)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/reports/" + id));
	}

	private ReportState state(long id) {
		return this.reports.findById(id).orElseThrow().getState();
	}

	private CaseReport draft(String author) {
		return draft(author, "Case");
	}

	private CaseReport draft(String author, String title) {
		return this.reports.save(new CaseReport(title, "Findings", author));
	}

	/** Version 1, in ADMIN_REVIEW. */
	private CaseReport submitted() {
		CaseReport report = draft(DemoUsers.AUTHOR);
		as(DemoUsers.AUTHOR, "AUTHOR", () -> this.transitions.on(report).submit());
		return report;
	}

	/** Version 2, in AUTHOR_REVIEW. */
	private CaseReport sentBack() {
		CaseReport report = submitted();
		as(DemoUsers.STAFF, "STAFF", () -> this.transitions.on(report).sendBack());
		return report;
	}

	/** Version 3, in ADMIN_REVIEW, approved by its author. */
	private CaseReport approved() {
		CaseReport report = sentBack();
		as(DemoUsers.AUTHOR, "AUTHOR", () -> this.transitions.on(report).approve());
		return report;
	}

	/** Version 4, LIVE. */
	private CaseReport live() {
		CaseReport report = approved();
		as(DemoUsers.STAFF, "STAFF", () -> this.transitions.on(report).publish());
		return report;
	}

	private void as(String name, String role, Supplier<?> work) {
		this.transitions.runAs(user(name, role), work);
	}

}
