package dev.fsm.web.it;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console: its page and assets from the jar, only for users matching the access
 * expression, with the paths, the user and the CSRF token of the request in the page,
 * escaped. It turns on the API it talks to. Here the console and the API are behind a
 * filter chain with CSRF protection, as a browser application's would be.
 */
@SpringBootTest(classes = { WebTestApplication.class, ConsoleTests.BrowserSecurity.class },
		properties = { "fsm.console.enabled=true", "fsm.console.access=hasAnyRole('ADJUSTER', 'CLERK')",
				"fsm.console.title=Claims <b>office</b>", "fsm.web.read-all=hasRole('ADJUSTER')" })
@AutoConfigureMockMvc
class ConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimRepository claims;

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void servesThePageWithThePathsTheUserAndTheCsrfTokenEscaped() throws Exception {
		MvcResult result = this.mvc.perform(get("/fsm"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/html;charset=UTF-8"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andReturn();
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains("<meta name=\"fsm-api\" content=\"/api/workflows\">")
			.contains("<meta name=\"fsm-user\" content=\"ann\">")
			.contains("<meta name=\"fsm-csrf-header\" content=\"X-CSRF-TOKEN\">")
			.containsPattern("<meta name=\"fsm-csrf-token\" content=\"[^\"]{20,}\">")
			.contains("<title>Workflows · Claims &lt;b&gt;office&lt;/b&gt;</title>")
			.contains("<a class=\"app\" href=\"/\">Claims &lt;b&gt;office&lt;/b&gt;</a>")
			.containsPattern("<script src=\"/fsm/console\\.js\\?v=[0-9a-f]+\" defer>")
			.doesNotContain("{{");
		this.mvc.perform(get("/fsm/")).andExpect(status().isOk());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void servesItsScriptAndStylesheetAndNothingElse() throws Exception {
		this.mvc.perform(get("/fsm/console.js"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/javascript;charset=UTF-8"))
			.andExpect(content().string(containsString("The workflow console")));
		this.mvc.perform(get("/fsm/console.css"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/css;charset=UTF-8"));
		this.mvc.perform(get("/fsm/index.html")).andExpect(status().isNotFound());
		this.mvc.perform(get("/fsm/../application.properties")).andExpect(status().is4xxClientError());
	}

	@Test
	void anonymousUsersAreAskedToSignInByTheApplicationsSecurity() throws Exception {
		this.mvc.perform(get("/fsm"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")));
		this.mvc.perform(get("/fsm/console.js")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(username = "eve", roles = "GUEST")
	void usersTheAccessExpressionRefusesGet403() throws Exception {
		this.mvc.perform(get("/fsm")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void theConsoleTurnsOnTheApiAndItsChangesNeedTheCsrfToken() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		this.mvc.perform(get("/api/workflows")).andExpect(status().isOk());
		MockHttpSession session = new MockHttpSession();
		String page = this.mvc.perform(get("/fsm").session(session)).andReturn().getResponse().getContentAsString();
		String token = page.replaceAll("(?s).*<meta name=\"fsm-csrf-token\" content=\"([^\"]+)\">.*", "$1");
		String assess = "/api/workflows/Claim.state/" + claim.getId() + "/transitions/assess";
		this.mvc
			.perform(post(assess).session(session)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 5, \"note\": \"x\"}"))
			.andExpect(status().isForbidden());
		assertThat(this.claims.findById(claim.getId()).orElseThrow().getState()).isEqualTo(Claim.State.FILED);
		this.mvc
			.perform(post(assess).session(session)
				.header("X-CSRF-TOKEN", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 5, \"note\": \"x\"}"))
			.andExpect(status().isOk());
		assertThat(this.claims.findById(claim.getId()).orElseThrow().getState()).isEqualTo(Claim.State.ASSESSED);
	}

	/**
	 * The console and the API as a browser application secures them: sessions and CSRF.
	 */
	@Configuration(proxyBeanMethods = false)
	static class BrowserSecurity {

		@Bean
		@Order(0)
		SecurityFilterChain console(HttpSecurity http) throws Exception {
			return http.securityMatcher("/fsm/**", "/fsm", "/api/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

}
