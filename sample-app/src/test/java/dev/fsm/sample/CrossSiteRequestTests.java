package dev.fsm.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Forged requests against the sample's security: HTTP Basic skips the CSRF token only when the
 * browser does not say the request comes from another site, a signed-in session never does, and
 * a browser page is never challenged for Basic credentials it would then keep and send with
 * forged requests. Each refusal leaves the report, its version and its history as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CrossSiteRequestTests {

	private static final String JSON_LOOKING_FORM = "{\"x\": \"=\"}";

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	Transitions transitions;

	@Test
	void aCrossSiteFormPostWithCachedBasicCredentialsFiresNothing() throws Exception {
		CaseReport report = draft();
		this.mvc.perform(submit(report).with(author())
			.header("Sec-Fetch-Site", "cross-site")
			.header("Sec-Fetch-Mode", "navigate")
			.header(HttpHeaders.ORIGIN, "http://evil.example")
			.contentType(MediaType.TEXT_PLAIN)
			.content(JSON_LOOKING_FORM)).andExpect(status().isForbidden());
		this.mvc.perform(submit(report).with(author())
			.header("Sec-Fetch-Site", "cross-site")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
		assertUnchanged(report);
	}

	@Test
	void aSameSiteRequestOrOneFromAnotherOriginNeedsTheTokenToo() throws Exception {
		CaseReport report = draft();
		this.mvc.perform(submit(report).with(author()).header("Sec-Fetch-Site", "same-site").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden());
		// a browser too old for Sec-Fetch-Site still sends the Origin of a cross-origin POST
		this.mvc.perform(submit(report).with(author()).header(HttpHeaders.ORIGIN, "http://evil.example")
			.contentType(MediaType.APPLICATION_JSON)).andExpect(status().isForbidden());
		this.mvc.perform(submit(report).with(author()).header(HttpHeaders.ORIGIN, "null")
			.contentType(MediaType.APPLICATION_JSON)).andExpect(status().isForbidden());
		assertUnchanged(report);
	}

	@Test
	void aSignedInSessionNeedsTheTokenWhateverHeaderItAdds() throws Exception {
		CaseReport report = draft();
		this.mvc.perform(submit(report).with(user(DemoUsers.AUTHOR).roles("AUTHOR")).contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden());
		this.mvc.perform(submit(report).with(user(DemoUsers.AUTHOR).roles("AUTHOR"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer made-up")
			.contentType(MediaType.APPLICATION_JSON)).andExpect(status().isForbidden());
		assertUnchanged(report);
		this.mvc.perform(submit(report).with(user(DemoUsers.AUTHOR).roles("AUTHOR")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)).andExpect(status().isOk());
	}

	@Test
	void aScriptWithBasicCredentialsNeedsNoToken() throws Exception {
		CaseReport report = draft();
		this.mvc.perform(submit(report).with(author()).contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk());
		CaseReport other = draft();
		// the page's own fetch with explicit credentials: same origin
		this.mvc.perform(submit(other).with(author())
			.header("Sec-Fetch-Site", "same-origin")
			.header(HttpHeaders.ORIGIN, "http://localhost")
			.contentType(MediaType.APPLICATION_JSON)).andExpect(status().isOk());
		assertThat(this.reports.findById(other.getId()).orElseThrow().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
	}

	@Test
	void aBrowserPageIsNeverChallengedForBasicCredentials() throws Exception {
		this.mvc.perform(get("/api/workflows").header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Dest", "empty")
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
		this.mvc.perform(get("/api/workflows").header("X-Requested-With", "XMLHttpRequest"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
		this.mvc.perform(get("/api/workflows/CaseReport.state/1/diagram").header("Sec-Fetch-Mode", "no-cors")
			.header("Sec-Fetch-Dest", "image")).andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
		// a script is told how to authenticate; a person navigating is sent to the login page
		this.mvc.perform(get("/api/workflows").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			// Spring Security 7.1 adds charset="UTF-8" (RFC 7617) to the challenge of 7.0
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
					either(is("Basic realm=\"Realm\"")).or(is("Basic realm=\"Realm\", charset=\"UTF-8\""))));
		this.mvc.perform(get("/fsm").header("Sec-Fetch-Mode", "navigate").accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
	}

	private CaseReport draft() {
		return this.reports.save(new CaseReport("Forged?", "Findings", DemoUsers.AUTHOR));
	}

	private static MockHttpServletRequestBuilder submit(CaseReport report) {
		return post("/api/workflows/CaseReport.state/" + report.getId() + "/transitions/submit")
			.header(HttpHeaders.IF_MATCH, "\"0\"");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor author() {
		return httpBasic(DemoUsers.AUTHOR, DemoUsers.PASSWORD);
	}

	private void assertUnchanged(CaseReport report) {
		CaseReport saved = this.reports.findById(report.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getVersion())).containsExactly(ReportState.DRAFT, 0L);
		assertThat(this.transitions.history(saved)).isEmpty();
	}

}
