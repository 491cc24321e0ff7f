package dev.fsm.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class CaseReportWorkflowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseReportRepository reports;

	@Test
	@WithMockUser(username = "author@example.com", roles = "AUTHOR")
	void authorSubmitsButMayNotSendBackOrPublish() throws Exception {
		long id = this.reports.save(new CaseReport("Case", "author@example.com")).getId();
		this.mvc.perform(get("/reports/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("DRAFT"))
			.andExpect(jsonPath("$.allowedTransitions[0]").value("submit"));
		this.mvc.perform(post("/reports/" + id + "/submit"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("ADMIN_REVIEW"))
			.andExpect(jsonPath("$.message").value("Submitted for review."));
		this.mvc.perform(post("/reports/" + id + "/sendBack"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Transition 'sendBack' on CaseReport#" + id
					+ " in state 'ADMIN_REVIEW' is denied to 'author@example.com' (permission: hasRole('STAFF'))"));
		this.mvc.perform(post("/reports/" + id + "/publish"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Transition 'publish' is not allowed on CaseReport#" + id
					+ " in state 'ADMIN_REVIEW': condition not met: authorApproved"));
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void staffCannotPublishADraft() throws Exception {
		long id = this.reports.save(new CaseReport("Case", "author@example.com")).getId();
		this.mvc.perform(post("/reports/" + id + "/publish"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Transition 'publish' is not allowed from state 'DRAFT' on CaseReport#"
					+ id + " (allowed from: ADMIN_REVIEW)"));
	}

	@Test
	@WithMockUser(username = "author@example.com", roles = "AUTHOR")
	void anUnknownReportIsNotFound() throws Exception {
		this.mvc.perform(post("/reports/987654/submit"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("CaseReport#987654 does not exist"));
	}

}
