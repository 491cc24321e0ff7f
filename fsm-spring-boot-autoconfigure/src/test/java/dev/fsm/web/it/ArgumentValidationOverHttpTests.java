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
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Hostile arguments over HTTP: the constraints of the transition's parameters
 * ({@code @NotBlank}, {@code @Size(max = 200)}, {@code @PositiveOrZero} on
 * {@code Claim.assess}) hold for the API as for Java callers. A violation is a 400
 * problem with one error per argument; the row, its version and the audit trail stay as
 * they were.
 */
@SpringBootTest(classes = WebTestApplication.class,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')" })
@AutoConfigureMockMvc
class ArgumentValidationOverHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimRepository claims;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void argumentsThatBreakTheConstraintsAre400WithAnErrorPerArgument() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		assess(claim, "{\"amount\": -5, \"note\": \" \"}").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:invalid-arguments"))
			.andExpect(jsonPath("$.title").value("Invalid arguments"))
			.andExpect(jsonPath("$.detail").value("Transition 'assess' on Claim#" + claim.getId() + " in state 'FILED'"
					+ " was called with invalid arguments: amount: must be greater than or equal to 0; note: must not be"
					+ " blank"))
			.andExpect(jsonPath("$.transition").value("assess"))
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].argument").value("amount"))
			.andExpect(jsonPath("$.errors[0].message").value("must be greater than or equal to 0"))
			.andExpect(jsonPath("$.errors[0].constraint").value("PositiveOrZero"))
			.andExpect(jsonPath("$.errors[1].argument").value("note"))
			.andExpect(jsonPath("$.errors[1].message").value("must not be blank"))
			.andExpect(jsonPath("$.errors[1].constraint").value("NotBlank"));
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void anExplicitNullIsNoWayAroundNotBlank() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		assess(claim, "{\"amount\": 1, \"note\": null}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:invalid-arguments"))
			.andExpect(jsonPath("$.errors[0].argument").value("note"))
			.andExpect(jsonPath("$.errors[0].constraint").value("NotBlank"));
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aTooLongTextIs400NotADatabaseError() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		assess(claim, "{\"amount\": 1, \"note\": \"" + "x".repeat(300) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].argument").value("note"))
			.andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 200"))
			.andExpect(jsonPath("$.errors[0].constraint").value("Size"));
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "bob", roles = "CLERK")
	void aUserWhoMayNotFireLearnsNothingAboutHisArguments() throws Exception {
		Claim claim = this.claims.save(new Claim("bob"));
		assess(claim, "{\"amount\": -5, \"note\": \"\"}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:denied"))
			.andExpect(jsonPath("$.errors").doesNotExist());
		assertUnchanged(claim);
	}

	private ResultActions assess(Claim claim, String body) throws Exception {
		return this.mvc.perform(post("/api/workflows/Claim.state/" + claim.getId() + "/transitions/assess")
			.header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private void assertUnchanged(Claim claim) {
		new UnchangedClaims(this.claims, this.jdbc).assertUnchanged(claim);
	}

}
