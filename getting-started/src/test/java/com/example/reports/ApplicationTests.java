package com.example.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application as the guide runs it: the start-up log names the workflow and the console's
 * address, and the console lets editors in, and nobody else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ApplicationTests {

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void theStartUpLogListsTheWorkflowAndTheAddresses(CapturedOutput output) {
		String nl = System.lineSeparator();
		String url = "http://localhost:" + this.port;
		assertThat(output).contains("1 workflow, checked at start-up:" + nl
				+ "  CaseReport.state  3 states: DRAFT (initial), IN_REVIEW, PUBLISHED (final)" + nl
				+ "                    2 transitions: submit, publish" + nl
				+ "                    over HTTP: every transition" + nl
				+ "  HTTP API: " + url + "/api/workflows" + nl
				+ "  Console: " + url + "/fsm");
	}

	@Test
	void theConsoleIsForEditors() throws Exception {
		this.mvc.perform(get("/fsm").with(httpBasic("erin", "erin"))).andExpect(status().isOk());
		this.mvc.perform(get("/fsm").with(httpBasic("alice", "alice"))).andExpect(status().isForbidden());
	}

	@Test
	void anEditorSeesAlicesTwoReportsOnTheDiagramAsTheGuideSays() throws Exception {
		this.mvc.perform(get("/api/workflows/CaseReport.state/states").with(httpBasic("erin", "erin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.state == 'DRAFT')].count").value(1))
			.andExpect(jsonPath("$[?(@.state == 'IN_REVIEW')].count").value(1));
	}

}
