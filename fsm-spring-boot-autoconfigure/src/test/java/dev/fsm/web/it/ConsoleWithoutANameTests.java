package dev.fsm.web.it;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console of an application without {@code spring.application.name}: a title and a
 * home link that say something; and the application's pages of entities, as templates in
 * the page.
 */
@SpringBootTest(classes = WebTestApplication.class,
		properties = { "fsm.console.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')",
				"fsm.console.entity-url=/things/{workflow}/{id}",
				"fsm.console.entity-urls[Claim.state]=https://claims.example.com/claims/{id}?from=\"fsm\"" })
@AutoConfigureMockMvc
class ConsoleWithoutANameTests {

	@Autowired
	MockMvc mvc;

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void theTitleAndTheHomeLinkSaySomethingWithoutAnApplicationName() throws Exception {
		String page = this.mvc.perform(get("/fsm"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<title>Workflows</title>")
			.contains("<a class=\"app\" href=\"/\">Back to the application</a>")
			.doesNotContain("Workflows · ");
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void thePageCarriesTheEntityUrlTemplatesAsEscapedJson() throws Exception {
		String page = this.mvc.perform(get("/fsm")).andReturn().getResponse().getContentAsString();
		String urls = page.replaceAll("(?s).*<meta name=\"fsm-entity-urls\" content=\"([^\"]*)\">.*", "$1");
		assertThat(urls).startsWith("{")
			.endsWith("}")
			.contains(
					"&quot;Claim.state&quot;:&quot;https://claims.example.com/claims/{id}?from=\\&quot;fsm\\&quot;&quot;")
			.contains("&quot;&quot;:&quot;/things/{workflow}/{id}&quot;")
			.doesNotContain("\"");
	}

}
