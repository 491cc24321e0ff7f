package dev.fsm.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The library's HTTP API in the sample, as the README's curl examples drive it. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkflowApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseReportRepository reports;

	@Test
	void theAuthorSeesWhatSheMayDoAndSubmitsWithTheVersionSheSaw() throws Exception {
		long id = this.reports.save(new CaseReport("Case", "author@example.com")).getId();
		String report = "/api/workflows/CaseReport.state/" + id;
		this.mvc.perform(get(report).with(httpBasic("author@example.com", "password")))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.state").value("DRAFT"))
			.andExpect(jsonPath("$.transitions[?(@.name == 'submit')].allowed", contains(true)))
			.andExpect(jsonPath("$.transitions[?(@.name == 'sendBack')].status", contains("WRONG_STATE")))
			.andExpect(jsonPath("$.stateLabel").value("Draft"))
			.andExpect(jsonPath("$.transitions[?(@.name == 'sendBack')].message", contains("Possible only in Processing.")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'submit')].description",
					contains("Send your report, with your changes, to staff for review")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'approve')].description",
					contains("Accept staff's version as it is, for publication")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'retract')].confirm",
					contains("Take this report offline? Readers will no longer see it.")));
		this.mvc.perform(post(report + "/transitions/submit").with(httpBasic("author@example.com", "password"))
			.header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(jsonPath("$.state").value("ADMIN_REVIEW"))
			.andExpect(jsonPath("$.result").value("Submitted for review."));
		this.mvc.perform(post(report + "/transitions/publish").with(httpBasic("staff@example.com", "password"))
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:conditions-failed"))
			.andExpect(jsonPath("$.detail").value("The author has not approved the latest text of \"Case\"."))
			.andExpect(jsonPath("$.failedConditions", contains("approvedByAuthor")))
			.andExpect(jsonPath("$.conditions").doesNotExist());
		assertThat(this.reports.findById(id).orElseThrow().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
	}

	@Test
	void servesTheOpenApiDocumentWithAnOperationPerTransition() throws Exception {
		this.mvc.perform(get("/v3/api-docs").with(httpBasic("staff@example.com", "password")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/workflows/CaseReport.state/{id}/transitions/publish'].post.operationId")
				.value("caseReportStatePublish"));
	}

}
