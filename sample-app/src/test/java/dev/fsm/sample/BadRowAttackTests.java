package dev.fsm.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Locked doors, point 5, on the sample as the issue found it: a report whose title was set to
 * {@code null} through {@code edit} (its {@code toString()} is the title) used to make the
 * listing and the entity answer 500 for everyone. It is listed with an empty label now, and the
 * other reports with theirs.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BadRowAttackTests {

	private static final String API = "/api/workflows/CaseReport.state";

	private static final RequestPostProcessor AUTHOR = httpBasic(DemoUsers.AUTHOR, DemoUsers.PASSWORD);

	private static final RequestPostProcessor STAFF = httpBasic(DemoUsers.STAFF, DemoUsers.PASSWORD);

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNullTitleThroughEditIsRefusedAndARowWithoutTitleLeavesEveryListAndTheReportReadable() throws Exception {
		CaseReport blanked = this.reports.save(new CaseReport("To be blanked", DemoUsers.AUTHOR));
		CaseReport titled = this.reports.save(new CaseReport("Still titled", DemoUsers.AUTHOR));
		this.mvc.perform(post(API + "/" + blanked.getId() + "/transitions/edit").with(AUTHOR)
			.header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": null, \"body\": \"Findings\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:invalid-arguments"));
		assertThat(this.reports.findById(blanked.getId()).orElseThrow().getTitle()).isEqualTo("To be blanked");
		// a row without a title all the same: written before the rule, or by other means
		this.jdbc.update("update case_report set title = null where id = ?", blanked.getId());
		for (RequestPostProcessor user : new RequestPostProcessor[] { AUTHOR, STAFF }) {
			for (String query : new String[] { "?size=500", "?size=500&state=DRAFT" }) {
				this.mvc.perform(get(API + query).with(user))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.content[?(@.id == '" + blanked.getId() + "')].label", contains("")))
					.andExpect(jsonPath("$.content[?(@.id == '" + titled.getId() + "')].label", contains("Still titled")));
			}
			this.mvc.perform(get(API + "/" + blanked.getId()).with(user))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.label").value(""));
			this.mvc.perform(get(API + "/states").with(user)).andExpect(status().isOk());
		}
		this.mvc.perform(get("/reports").with(AUTHOR)).andExpect(status().isOk());
		this.mvc.perform(get("/reports/" + blanked.getId()).with(AUTHOR)).andExpect(status().isOk());
	}

}
