package dev.fsm.web.it;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

import dev.fsm.TransitionDeniedException;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP API as its properties shape it: another base path, only the transitions marked
 * {@code api=true}, {@code If-Match} required, a default permission for transitions that
 * declare none, on every entry point, and refusals with the guards' expressions for
 * operators.
 */
@SpringBootTest(classes = WebTestApplication.class,
		properties = { "fsm.web.enabled=true", "fsm.web.base-path=/ops/flows", "fsm.web.exposure=annotated",
				"fsm.web.require-if-match=true", "fsm.security.default-permission=hasRole('SUPERVISOR')",
				"fsm.web.read-all=hasAnyRole('ADJUSTER', 'SUPERVISOR')", "fsm.web.include-details=true" })
@AutoConfigureMockMvc
class ConfiguredWorkflowApiTests {

	private static final String BASE = "/ops/flows/Claim.state/";

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimRepository claims;

	@Autowired
	InvoiceRepository invoices;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Transitions transitions;

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void servesUnderTheBasePathOnly() throws Exception {
		this.mvc.perform(get("/ops/flows")).andExpect(status().isOk());
		this.mvc.perform(get("/api/workflows")).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void withAnnotatedExposureOnlyMarkedTransitionsAndTheirWorkflowsAreListed() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		this.mvc.perform(get("/ops/flows"))
			.andExpect(jsonPath("$[*].name", contains("Claim.state")))
			.andExpect(jsonPath("$[0].transitions[*].name", contains("assess", "decide")));
		this.mvc.perform(get(BASE + claim.getId()))
			.andExpect(jsonPath("$.transitions[*].name", contains("assess", "decide")));
		Invoice invoice = this.invoices.save(new Invoice());
		problem(get("/ops/flows/WebInvoice.state/" + invoice.getId()), 404, "unknown-workflow",
				"There is no workflow 'WebInvoice.state'");
		problem(post("/ops/flows/WebInvoice.state/" + invoice.getId() + "/transitions/settle")
			.header(HttpHeaders.IF_MATCH, "\"0\""), 404, "unknown-workflow", "There is no workflow 'WebInvoice.state'");
	}

	@Test
	@WithMockUser(username = "sue", roles = "SUPERVISOR")
	void withAnnotatedExposureAnUnmarkedTransitionCannotBeFiredEvenWhereItIsAllowed() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		this.transitions.forceState(claim, "APPROVED", "imported as approved");
		Claim approved = this.claims.findById(claim.getId()).orElseThrow();
		problem(post(BASE + claim.getId() + "/transitions/pay").header(HttpHeaders.IF_MATCH,
				"\"" + approved.getVersion() + "\""), 404, "unknown-transition",
				"Workflow 'Claim.state' has no transition 'pay'");
		Claim after = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(after.getState()).isEqualTo(Claim.State.APPROVED);
		assertThat(after.getVersion()).isEqualTo(approved.getVersion());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void firingWithoutIfMatchIs428WhenItIsRequired() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		problem(post(BASE + claim.getId() + "/transitions/assess").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": 5, \"note\": \"x\"}"), 428, "if-match-required",
				"Firing a transition needs an If-Match header with the version of the entity you read");
		Claim saved = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo(Claim.State.FILED);
		assertThat(saved.getVersion()).isZero();
		assertThat(auditRecords(claim)).isZero();
		this.mvc
			.perform(post(BASE + claim.getId() + "/transitions/assess").header(HttpHeaders.IF_MATCH, "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 5, \"note\": \"x\"}"))
			.andExpect(status().isOk());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void theDefaultPermissionGuardsTransitionsWithoutOneOverHttp() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		this.mvc
			.perform(post(BASE + claim.getId() + "/transitions/assess").header(HttpHeaders.IF_MATCH, "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 5, \"note\": \"x\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(get(BASE + claim.getId()))
			.andExpect(jsonPath("$.transitions[1].name").value("decide"))
			.andExpect(jsonPath("$.transitions[1].status").value("DENIED"))
			.andExpect(jsonPath("$.transitions[1].reasons",
					contains("You may not fire this transition.", "hasRole('SUPERVISOR')")));
		problem(post(BASE + claim.getId() + "/transitions/decide").header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"approve\": true}"), 403, "denied",
				"Transition 'decide' on Claim#" + claim.getId()
						+ " in state 'ASSESSED' is denied to 'ann' (permission: hasRole('SUPERVISOR'))");
		Claim after = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(after.getState()).isEqualTo(Claim.State.ASSESSED);
		assertThat(after.getVersion()).isEqualTo(1L);
		assertThat(auditRecords(claim)).isEqualTo(1);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void theDefaultPermissionGuardsTransitionsWithoutOneInCodeToo() {
		Claim claim = this.claims.save(new Claim("carol"));
		this.transitions.fire(claim, "assess", BigDecimal.TEN, "x");
		Claim assessed = this.claims.findById(claim.getId()).orElseThrow();
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.fire(assessed, "decide", true))
			.withMessage("Transition 'decide' on Claim#" + claim.getId()
					+ " in state 'ASSESSED' is denied to 'ann' (permission: hasRole('SUPERVISOR'))");
		Claim after = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(after.getState()).isEqualTo(Claim.State.ASSESSED);
		assertThat(after.getVersion()).isEqualTo(1L);
		assertThat(auditRecords(claim)).isEqualTo(1);
	}

	@Test
	@WithMockUser(username = "sue", roles = "SUPERVISOR")
	void withIncludeDetailsOperatorsReadTheFailedGuardsExpressions() throws Exception {
		Claim claim = this.claims.save(new Claim("carol"));
		this.transitions.forceState(claim, "ASSESSED", "imported without an amount");
		problem(post(BASE + claim.getId() + "/transitions/decide").header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"approve\": true}"), 422, "conditions-failed",
				"Transition 'decide' is not allowed on Claim#" + claim.getId()
						+ " in state 'ASSESSED': condition not met: amount != null")
			.andExpect(jsonPath("$.conditions", contains("amount != null")));
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath("$.paths['/ops/flows/Claim.state/{id}/transitions/assess'].post.description")
				.value("An adjuster sets the amount\n\nFrom FILED to ASSESSED; permission: hasRole('ADJUSTER')"));
		assertThat(auditRecords(claim)).isEqualTo(1);
	}

	private int auditRecords(Claim claim) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from fsm_transition_record where entity_type = 'Claim' and entity_id = ?",
				Integer.class, claim.getId().toString());
		return (count != null) ? count : 0;
	}

	private ResultActions problem(RequestBuilder request, int status, String type, String detail) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:" + type))
			.andExpect(jsonPath("$.detail").value(detail));
	}

}
