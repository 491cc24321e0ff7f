package dev.fsm.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.fsm.ArgumentViolation;
import dev.fsm.InvalidTransitionArgumentsException;
import dev.fsm.Transitions;

import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The rules of a report's title and text, declared once on the {@code edit} transition's
 * parameters, hold on every path: the API (a null or 300-character title is a 400, not a stored
 * value that breaks every page after it), Java, the edit form, and a new draft; the form shows
 * them. Each refusal leaves the report, its version and its history as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ArgumentRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	Transitions transitions;

	@Test
	void aNullTitleThroughTheApiIs400AndTheListingsStayWhole() throws Exception {
		CaseReport report = draft();
		edit(report, "{\"title\": null, \"body\": \"x\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:invalid-arguments"))
			.andExpect(jsonPath("$.errors[0].argument").value("title"))
			.andExpect(jsonPath("$.errors[0].message").value("A case report needs a title."));
		assertUnchanged(report);
		this.mvc.perform(get("/api/workflows/CaseReport.state").with(httpBasic(DemoUsers.STAFF, DemoUsers.PASSWORD)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/workflows/CaseReport.state/" + report.getId())
			.with(httpBasic(DemoUsers.AUTHOR, DemoUsers.PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void aTitleOverTheLimitIs400() throws Exception {
		CaseReport report = draft();
		edit(report, "{\"title\": \"" + "t".repeat(300) + "\", \"body\": \"" + "b".repeat(20_001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].argument").value("title"))
			.andExpect(jsonPath("$.errors[0].message").value("Keep the title under 200 characters."))
			.andExpect(jsonPath("$.errors[1].argument").value("body"))
			.andExpect(jsonPath("$.errors[1].message").value("Keep the report under 20,000 characters."));
		assertUnchanged(report);
	}

	@Test
	void javaCallersAreHeldToTheSameRules() {
		CaseReport report = draft();
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.transitions.runAs(user(DemoUsers.AUTHOR, "AUTHOR"),
					() -> this.transitions.on(report).edit("  ", "x")))
			.satisfies((ex) -> assertThat(ex.getViolations())
				.containsExactly(new ArgumentViolation("title", "A case report needs a title.", "NotBlank")));
		assertUnchanged(report);
	}

	@Test
	void theEditFormShowsTheEnginesRefusalNextToTheField() throws Exception {
		CaseReport report = draft();
		this.mvc
			.perform(post("/reports/" + report.getId() + "/edit").with(ReportPagesTests.AUTHOR).with(csrf())
				.param("title", "t".repeat(201))
				.param("body", "x")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(view().name("report-form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "title", "Size"))
			.andExpect(content().string(containsString("Keep the title under 200 characters.")));
		assertUnchanged(report);
	}

	@Test
	void theFormsTakeTheirLimitsFromTheTransition() throws Exception {
		this.mvc.perform(get("/reports/new").with(ReportPagesTests.AUTHOR))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("maxlength=\"200\""), containsString("required=\"required\""),
					containsString("maxlength=\"20000\""))));
		long before = this.reports.count();
		this.mvc.perform(post("/reports").with(ReportPagesTests.AUTHOR).with(csrf()).param("title", "t".repeat(201))
			.param("body", "x")).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "title"))
			.andExpect(content().string(containsString("Keep the title under 200 characters.")));
		assertThat(this.reports.count()).isEqualTo(before);
	}

	private CaseReport draft() {
		return this.reports.save(new CaseReport("Valid title", "Findings", DemoUsers.AUTHOR));
	}

	private ResultActions edit(CaseReport report, String body) throws Exception {
		return this.mvc.perform(post("/api/workflows/CaseReport.state/" + report.getId() + "/transitions/edit")
			.with(httpBasic(DemoUsers.AUTHOR, DemoUsers.PASSWORD))
			.header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private void assertUnchanged(CaseReport report) {
		CaseReport saved = this.reports.findById(report.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getVersion(), saved.getTitle()))
			.containsExactly(ReportState.DRAFT, 0L, "Valid title");
		assertThat(this.transitions.history(saved)).isEmpty();
	}

}
