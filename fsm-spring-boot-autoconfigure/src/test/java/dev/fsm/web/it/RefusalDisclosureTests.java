package dev.fsm.web.it;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.fsm.TransitionDeniedException;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Point 2 of the locked doors, tried as a hostile user: a refusal tells nothing beyond
 * what the user may know. The permission is checked before the conditions, so a user who
 * may not fire {@code fastTrack} learns "not allowed", not that the claim has no amount;
 * problem details, the reasons of an entity's transitions and the OpenAPI document are
 * words, never the guards' expressions (which may name roles and other users).
 */
@SpringBootTest(classes = WebTestApplication.class,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')" })
@AutoConfigureMockMvc
class RefusalDisclosureTests {

	private static final String BASE = "/api/workflows/Claim.state/";

	private static final List<String> EXPRESSIONS = List.of("hasRole", "SUPERVISOR", "ADJUSTER", "#entity",
			"authentication", "amount != null", "signum", "claimant");

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimRepository claims;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Transitions transitions;

	@Test
	@WithMockUser(username = "erin", roles = "CLERK")
	void whoMayNotFireLearnsThatAndNotWhichConditionFails() throws Exception {
		Claim claim = assessedWithoutAmount("erin");
		String body = this.mvc
			.perform(post(BASE + claim.getId() + "/transitions/fastTrack").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:denied"))
			.andExpect(jsonPath("$.detail").value("You may not fire transition 'fastTrack' on this Claim."))
			.andExpect(jsonPath("$.transition").value("fastTrack"))
			.andExpect(jsonPath("$.conditions").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(EXPRESSIONS);
		assertUnchangedSinceAssessed(claim);
	}

	@Test
	@WithMockUser(username = "erin", roles = "CLERK")
	void theEntitysTransitionsSayWhyNotInWords() throws Exception {
		Claim claim = assessedWithoutAmount("erin");
		String body = this.mvc.perform(get(BASE + claim.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.transitions[?(@.name == 'fastTrack')].status", contains("DENIED")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'fastTrack')].reasons[*]",
					contains("You may not fire this transition.")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'decide')].status", contains("CONDITIONS_FAILED")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'decide')].reasons[*]",
					contains("Not possible now: its conditions are not met.")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'assess')].reasons[*]", contains("FILED")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(EXPRESSIONS);
	}

	@Test
	@WithMockUser(username = "sue", roles = { "SUPERVISOR", "ADJUSTER" })
	void whoMayFireLearnsInWordsThatTheConditionsFail() throws Exception {
		Claim claim = assessedWithoutAmount("carol");
		String body = this.mvc
			.perform(post(BASE + claim.getId() + "/transitions/fastTrack").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:conditions-failed"))
			.andExpect(jsonPath("$.detail")
				.value("Transition 'fastTrack' is not possible on this Claim now: its conditions are not met."))
			.andExpect(jsonPath("$.conditions").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(EXPRESSIONS);
		assertUnchangedSinceAssessed(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void theOpenApiDocumentShowsNoExpression() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/workflows/Claim.state/{id}/transitions/fastTrack'].post.description")
				.value("From ASSESSED to APPROVED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(document).doesNotContain("hasRole", "#entity", "authentication.name", "amount != null");
	}

	@Test
	@WithMockUser(username = "erin", roles = "CLERK")
	void javaCallersAreDeniedBeforeTheConditionsAreEvaluatedToo() {
		Claim claim = assessedWithoutAmount("erin");
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.fire(claim, "fastTrack"))
			.withMessage("Transition 'fastTrack' on Claim#" + claim.getId()
					+ " in state 'ASSESSED' is denied to 'erin' (permission: hasRole('SUPERVISOR'))");
		assertUnchangedSinceAssessed(claim);
	}

	@Test
	@WithMockUser(username = "sue", roles = { "SUPERVISOR", "ADJUSTER" })
	void aPermittedFireStillWorks() throws Exception {
		Claim claim = assessedWithoutAmount("carol");
		this.jdbc.update("update claim set amount = 10 where id = ?", claim.getId());
		this.mvc
			.perform(post(BASE + claim.getId() + "/transitions/fastTrack").contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"));
		assertThat(this.claims.findById(claim.getId()).orElseThrow().getAmount()).isEqualByComparingTo(BigDecimal.TEN);
	}

	private Claim assessedWithoutAmount(String claimant) {
		Claim claim = this.claims.save(new Claim(claimant));
		this.transitions.runAs("importer", () -> {
			this.transitions.forceState(claim, "ASSESSED", "imported without an amount");
			return null;
		});
		return this.claims.findById(claim.getId()).orElseThrow();
	}

	private void assertUnchangedSinceAssessed(Claim claim) {
		Claim saved = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getVersion())).containsExactly(Claim.State.ASSESSED, 1L);
		assertThat(this.jdbc.queryForList(
				"select outcome from fsm_transition_record where entity_type = 'Claim'" + " and entity_id = ?",
				String.class, claim.getId().toString()))
			.containsExactly("FORCED");
	}

}
