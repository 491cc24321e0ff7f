package dev.fsm.web.it;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Forged requests: only {@code application/json} (UTF-8) fires a transition, so a
 * cross-site form ({@code text/plain} with a JSON-looking name, urlencoded, multipart) or
 * a bodiless {@code no-cors} fetch, which a browser sends without a CORS preflight, fires
 * nothing: 415, and the row, its version and the audit trail are as before.
 */
@SpringBootTest(classes = WebTestApplication.class,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')" })
@AutoConfigureMockMvc
class ContentTypeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimRepository claims;

	@Autowired
	PalletRepository pallets;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aCrossSiteTextPlainFormWithAJsonLookingBodyIs415() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		// <form enctype="text/plain"><input name='{"amount": 1, "note": "' value='x"}'>
		refused(assess(claim).contentType(MediaType.TEXT_PLAIN).content("{\"amount\": 1, \"note\": \"=x\"}"),
				"Firing a transition takes a JSON body: send Content-Type: application/json, not text/plain");
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void formsAndOtherTypesAre415() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		refused(assess(claim).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("amount=1&note=x"),
				"Firing a transition takes a JSON body: send Content-Type: application/json, not"
						+ " application/x-www-form-urlencoded");
		refused(assess(claim).contentType(MediaType.MULTIPART_FORM_DATA_VALUE + "; boundary=x")
			.content("--x\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n1\r\n--x--"), null);
		refused(assess(claim).contentType("application/vnd.api+json").content("{\"amount\": 1, \"note\": \"x\"}"),
				null);
		refused(assess(claim).contentType("application/json; charset=ISO-8859-1")
			.content("{\"amount\": 1, \"note\": \"x\"}"), null);
		refused(assess(claim).header(HttpHeaders.CONTENT_TYPE, "application/").content("{}"), null);
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aRequestWithoutContentTypeIs415EvenWithoutABody() throws Exception {
		this.pallets.save(new Pallet("west", 3));
		refused(post("/api/workflows/Pallet.state/depot=west,number=3/transitions/load").header(HttpHeaders.IF_MATCH,
				"*"), "Firing a transition takes a JSON body: send Content-Type: application/json");
		assertThat(this.pallets.findById(new Pallet.Key("west", 3)).orElseThrow().getState()).isEqualTo("SORTED");
		this.mvc
			.perform(post("/api/workflows/Pallet.state/depot=west,number=3/transitions/load")
				.header(HttpHeaders.IF_MATCH, "*")
				.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk());
		assertThat(this.pallets.findById(new Pallet.Key("west", 3)).orElseThrow().getState()).isEqualTo("LOADED");
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void jsonInUtf8Fires() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		this.mvc
			.perform(assess(claim).contentType("application/json;charset=UTF-8")
				.content("{\"amount\": 1, \"note\": \"Überschwemmung\"}"))
			.andExpect(status().isOk());
		assertThat(this.claims.findById(claim.getId()).orElseThrow().getNote()).isEqualTo("Überschwemmung");
	}

	private MockHttpServletRequestBuilder assess(Claim claim) {
		return post("/api/workflows/Claim.state/" + claim.getId() + "/transitions/assess").header(HttpHeaders.IF_MATCH,
				"\"0\"");
	}

	private void refused(MockHttpServletRequestBuilder request, String detail) throws Exception {
		this.mvc.perform(request)
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:unsupported-media-type"))
			.andExpect(jsonPath("$.accept").value("application/json"))
			.andExpect((result) -> {
				if (detail != null) {
					jsonPath("$.detail").value(detail).match(result);
				}
			});
	}

	private void assertUnchanged(Claim claim) {
		new UnchangedClaims(this.claims, this.jdbc).assertUnchanged(claim);
	}

}
