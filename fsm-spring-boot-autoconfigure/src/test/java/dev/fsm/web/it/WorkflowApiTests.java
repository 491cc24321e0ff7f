package dev.fsm.web.it;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

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

import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP API over MockMvc: every answer, and after every refusal the row, its version
 * and the audit trail exactly as before.
 */
@SpringBootTest(classes = WebTestApplication.class,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')" })
@AutoConfigureMockMvc
class WorkflowApiTests {

	private static final String BASE = "/api/workflows/Claim.state/";

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimRepository claims;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Transitions transitions;

	@Autowired
	ConcurrentWriter concurrentWriter;

	@Autowired
	InvoiceRepository invoices;

	@Autowired
	PalletRepository pallets;

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void listsTheWorkflowsWithTheirStatesAndTransitions() throws Exception {
		this.mvc.perform(get("/api/workflows"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("Claim.state"))
			.andExpect(jsonPath("$[0].entity").value("Claim"))
			.andExpect(jsonPath("$[0].initialState").value("FILED"))
			.andExpect(jsonPath("$[0].states[4]").value("PAID"))
			.andExpect(jsonPath("$[0].transitions[0].name").value("assess"))
			.andExpect(jsonPath("$[0].transitions[0].label").value("Assess"))
			.andExpect(jsonPath("$[0].transitions[0].description").value("An adjuster sets the amount"))
			.andExpect(jsonPath("$[0].transitions[0].properties.button").value("primary"))
			.andExpect(jsonPath("$[0].transitions[0].sources[0]").value("FILED"))
			.andExpect(jsonPath("$[*].name",
					contains("Claim.state", "Pallet.state", "Parcel.state", "Poster.state", "WebInvoice.state")));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void showsAnEntityWithWhatTheUserMayFireNowAndTheSchemaOfTheArguments() throws Exception {
		Claim claim = filed();
		this.mvc.perform(get(BASE + claim.getId()))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.id").value(claim.getId().toString()))
			.andExpect(jsonPath("$.state").value("FILED"))
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.transitions[0].name").value("assess"))
			.andExpect(jsonPath("$.transitions[0].allowed").value(true))
			.andExpect(jsonPath("$.transitions[0].status").value("ALLOWED"))
			.andExpect(jsonPath("$.transitions[0].needsInput").value(true))
			.andExpect(jsonPath("$.transitions[0].arguments.properties.amount.type").value("number"))
			.andExpect(jsonPath("$.transitions[0].arguments.properties.note.type").value("string"))
			.andExpect(jsonPath("$.transitions[0].arguments.required[0]").value("amount"))
			.andExpect(jsonPath("$.transitions[1].name").value("decide"))
			.andExpect(jsonPath("$.transitions[1].allowed").value(false))
			.andExpect(jsonPath("$.transitions[1].status").value("WRONG_STATE"))
			.andExpect(jsonPath("$.transitions[1].reasons[0]").value("ASSESSED"))
			.andExpect(jsonPath("$.transitions[1].arguments.properties.approve.type").value("boolean"));
	}

	@Test
	@WithMockUser(username = "bob", roles = "CLERK")
	void tellsAUserWhyHeMayNotFireATransitionInWords() throws Exception {
		Claim claim = this.claims.save(new Claim("bob"));
		this.mvc.perform(get(BASE + claim.getId()))
			.andExpect(jsonPath("$.transitions[0].status").value("DENIED"))
			.andExpect(jsonPath("$.transitions[0].reasons", contains("You may not fire this transition.")));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void firesWithTheArgumentsOfTheBodyAndAnswersTheNewStateVersionAndResult() throws Exception {
		Claim claim = filed();
		this.mvc
			.perform(post(BASE + claim.getId() + "/transitions/assess").header(HttpHeaders.IF_MATCH, "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 1200.50, \"note\": \"hail damage\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(jsonPath("$.state").value("ASSESSED"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.result").value("Assessed at 1200.50"));
		Claim saved = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo(Claim.State.ASSESSED);
		assertThat(saved.getAmount()).isEqualByComparingTo(new BigDecimal("1200.50"));
		assertThat(saved.getNote()).isEqualTo("hail damage");
		assertThat(this.jdbc.queryForList("select actor from fsm_transition_record where entity_id = ?", String.class,
				claim.getId().toString()))
			.containsExactly("ann");
		// a dynamic transition with a boolean argument, then the history, newest first
		this.mvc
			.perform(post(BASE + claim.getId() + "/transitions/decide").contentType(MediaType.APPLICATION_JSON)
				.content("{\"approve\": true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"));
		this.mvc.perform(get(BASE + claim.getId() + "/history").param("size", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].transition").value("decide"))
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.totalPages").value(2));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void unknownWorkflowsEntitiesAndTransitionsAre404() throws Exception {
		Claim claim = filed();
		problem(post("/api/workflows/Nothing.state/1/transitions/assess"), 404, "unknown-workflow",
				"There is no workflow 'Nothing.state'");
		problem(post(BASE + "987654/transitions/assess").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": 1, \"note\": \"x\"}"), 404, "unknown-entity", "Claim#987654 does not exist");
		problem(post(BASE + claim.getId() + "/transitions/explode"), 404, "unknown-transition",
				"Workflow 'Claim.state' has no transition 'explode'");
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aTransitionNotAllowedFromTheCurrentStateIs409AndListsWhatIsAllowed() throws Exception {
		Claim claim = filed();
		problem(post(BASE + claim.getId() + "/transitions/decide").contentType(MediaType.APPLICATION_JSON)
			.content("{\"approve\": true}"), 409, "not-allowed",
				"Transition 'decide' is not allowed from state" + " 'FILED' on Claim#" + claim.getId()
						+ " (allowed from: ASSESSED)")
			.andExpect(jsonPath("$.state").value("FILED"))
			.andExpect(jsonPath("$.allowed[0]").value("assess"));
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "bob", roles = "CLERK")
	void aDeniedPermissionIs403() throws Exception {
		Claim claim = this.claims.save(new Claim("bob"));
		problem(post(BASE + claim.getId() + "/transitions/assess").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": 1, \"note\": \"x\"}"), 403, "denied",
				"You may not fire transition 'assess' on this Claim.")
			.andExpect(jsonPath("$.transition").value("assess"));
		assertUnchanged(claim);
	}

	@Test
	void withoutAnAuthenticatedUserEverythingIs401() throws Exception {
		Claim claim = filed();
		problem(get("/api/workflows"), 401, "unauthenticated", "The workflow API needs an authenticated user");
		problem(post(BASE + claim.getId() + "/transitions/assess").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": 1, \"note\": \"x\"}"), 401, "unauthenticated",
				"The workflow API needs an authenticated user");
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void failedConditionsAre422InWords() throws Exception {
		Claim claim = filed();
		this.transitions.forceState(claim, "ASSESSED", "an assessment imported without an amount");
		long version = this.claims.findById(claim.getId()).orElseThrow().getVersion();
		problem(post(BASE + claim.getId() + "/transitions/decide").contentType(MediaType.APPLICATION_JSON)
			.content("{\"approve\": true}"), 422, "conditions-failed",
				"Transition 'decide' is not possible on this Claim now: its conditions are not met.")
			.andExpect(jsonPath("$.transition").value("decide"))
			.andExpect(jsonPath("$.conditions").doesNotExist());
		Claim saved = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo(Claim.State.ASSESSED);
		assertThat(saved.getVersion()).isEqualTo(version);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void argumentsThatDoNotFitAre400AndNamed() throws Exception {
		Claim claim = filed();
		String assess = BASE + claim.getId() + "/transitions/assess";
		problem(post(assess).contentType(MediaType.APPLICATION_JSON).content("{\"amount\": "), 400, "bad-request",
				"The request body is not a JSON object of the transition's arguments by name");
		problem(post(assess).contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 12}"), 400, "bad-request",
				"Argument 'note' of transition 'assess' is missing; transition 'assess' takes (BigDecimal amount,"
						+ " String note)")
			.andExpect(jsonPath("$.argument").value("note"));
		problem(post(assess).contentType(MediaType.APPLICATION_JSON).content("{\"amount\": \"lots\", \"note\": \"x\"}"),
				400, "bad-request", "Argument 'amount' of transition 'assess' is not a BigDecimal: lots");
		problem(post(assess).contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": 1, \"note\": \"x\", \"urgent\": true}"), 400, "bad-request",
				"Argument 'urgent' of transition 'assess' is no argument of transition 'assess', which takes"
						+ " (BigDecimal amount, String note)");
		problem(post(assess).contentType(MediaType.APPLICATION_JSON), 400, "bad-request",
				"Argument 'amount' of transition 'assess' is missing; transition"
						+ " 'assess' takes (BigDecimal amount, String note)");
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aStaleIfMatchIs412AndAConcurrentChangeIs409() throws Exception {
		Claim claim = filed();
		problem(post(BASE + claim.getId() + "/transitions/assess").header(HttpHeaders.IF_MATCH, "W/\"7\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": 1, \"note\": \"x\"}"), 412, "stale-version",
				"Transition 'assess' on Claim#" + claim.getId()
						+ " expected version 7, but the entity is at version 0: it changed since it was"
						+ " read; reload it and try again")
			.andExpect(jsonPath("$.version").value("0"));
		assertUnchanged(claim);
		this.concurrentWriter.arm();
		problem(post(BASE + claim.getId() + "/transitions/assess").contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": 1, \"note\": \"x\"}"), 409, "conflict",
				"Transition 'assess' on Claim#" + claim.getId()
						+ " from state 'FILED' lost to a concurrent change: the entity was modified by"
						+ " another transaction since it was loaded; reload it and try again");
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void anIfMatchThatIsNoVersionOfTheEntityMatchesNothing() throws Exception {
		Claim claim = filed();
		problem(post(BASE + claim.getId() + "/transitions/assess").header(HttpHeaders.IF_MATCH, "\"abc\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": 1, \"note\": \"x\"}"), 412, "stale-version",
				"Transition 'assess' on Claim#" + claim.getId()
						+ " expected version abc, but the entity is at version 0: it changed since it was"
						+ " read; reload it and try again");
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void findsEntitiesByUuidAndByCompositeIdsAsTheAuditTrailWritesThem() throws Exception {
		Invoice invoice = this.invoices.save(new Invoice());
		this.mvc.perform(get("/api/workflows/WebInvoice.state/" + invoice.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(invoice.getId().toString()))
			.andExpect(jsonPath("$.state").value("OPEN"));
		this.pallets.save(new Pallet("north", 7));
		this.mvc.perform(get("/api/workflows/Pallet.state/depot=north,number=7"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.ETAG))
			.andExpect(jsonPath("$.id").value("depot=north,number=7"))
			.andExpect(jsonPath("$.state").value("SORTED"))
			.andExpect(jsonPath("$.version").doesNotExist());
		problem(get("/api/workflows/Pallet.state/depot=north"), 400, "bad-request",
				"'depot=north' is not an id of Pallet as this API writes them: write 'depot=north,number=0'");
		this.mvc.perform(get("/api/workflows/Pallet.state").param("state", "SORTED"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.id == 'depot=north,number=7')].state", contains("SORTED")));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void anEntityWithoutVersionMatchesOnlyIfMatchAny() throws Exception {
		this.pallets.save(new Pallet("south", 8));
		String load = "/api/workflows/Pallet.state/depot=south,number=8/transitions/load";
		problem(post(load).header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON), 412,
				"stale-version", "Pallet#depot=south,number=8"
						+ " has no @Version, so no version matches If-Match \"0\"; send If-Match: * or none");
		assertThat(this.pallets.findById(new Pallet.Key("south", 8)).orElseThrow().getState()).isEqualTo("SORTED");
		this.mvc.perform(post(load).header(HttpHeaders.IF_MATCH, "*").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.ETAG))
			.andExpect(jsonPath("$.state").value("LOADED"));
		assertThat(this.pallets.findById(new Pallet.Key("south", 8)).orElseThrow().getState()).isEqualTo("LOADED");
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aBodyThatReturnsAnUndeclaredTargetIs500AndChangesNothing() throws Exception {
		Claim claim = filed();
		this.transitions.forceState(claim, "REJECTED", "rejected on paper");
		problem(post(BASE + claim.getId() + "/transitions/appeal").contentType(MediaType.APPLICATION_JSON)
			.content("{\"straightToPaid\": true}"), 500, "transition-failed",
				"Transition 'appeal' on Claim#" + claim.getId()
						+ " from state 'REJECTED' returned PAID, which is not one of its targets"
						+ " (FILED, ASSESSED)");
		Claim saved = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getVersion())).containsExactly(Claim.State.REJECTED, 1L);
		assertThat(this.jdbc.queryForList(
				"select outcome from fsm_transition_record where entity_id = ? order by" + " seq_no", String.class,
				claim.getId().toString()))
			.containsExactly("FORCED");
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void listsTheEntitiesInAStateAPageAtATime() throws Exception {
		filed();
		filed();
		this.mvc.perform(get("/api/workflows/Claim.state").param("state", "FILED").param("size", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(2))
			.andExpect(jsonPath("$.content[*].state", hasItem("FILED")))
			.andExpect(jsonPath("$.size").value(2));
		problem(get("/api/workflows/Claim.state").param("state", "LOST"), 400, "bad-request",
				"'LOST' is not a state of workflow 'Claim.state' [FILED, ASSESSED, APPROVED, REJECTED, PAID]");
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void listsWhenEachEntityEnteredItsStateFromTheAuditTrail() throws Exception {
		Claim assessed = filed();
		this.transitions.fire(assessed, "assess", BigDecimal.ONE, "x");
		Timestamp entered = this.jdbc.queryForObject(
				"select occurred_at from fsm_transition_record" + " where entity_type = 'Claim' and entity_id = ?",
				Timestamp.class, assessed.getId().toString());
		Claim filed = filed();
		this.mvc.perform(get("/api/workflows/Claim.state").param("size", "500"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.id == '" + assessed.getId() + "')].since",
					contains(entered.toInstant().toString())))
			.andExpect(jsonPath("$.content[?(@.id == '" + filed.getId() + "')].since", contains(nullValue())));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void countsTheEntitiesInEachStateAndNamesStoredValuesThatAreNoState() throws Exception {
		this.jdbc.update("delete from web_invoice");
		this.invoices.save(new Invoice());
		this.invoices.save(new Invoice());
		this.jdbc.update("insert into web_invoice (id, version, state) values (?, 0, 'LIMBO')", UUID.randomUUID());
		this.mvc.perform(get("/api/workflows/WebInvoice.state/states").param("exact", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].state", contains("OPEN", "SETTLED", "LIMBO")))
			.andExpect(jsonPath("$[*].count", contains(2, 0, 1)))
			.andExpect(jsonPath("$[*].known", contains(true, true, false)));
		// the bounded counts (the default) read the declared states only, in the index
		this.mvc.perform(get("/api/workflows/WebInvoice.state/states"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].state", contains("OPEN", "SETTLED")))
			.andExpect(jsonPath("$[*].count", contains(2, 0)))
			.andExpect(jsonPath("$[*].exact", contains(true, true)));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void drawsDiagramsInTheFormatTheClientAccepts() throws Exception {
		Claim claim = filed();
		this.mvc.perform(get("/api/workflows/Claim.state/diagram"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/svg+xml"))
			.andExpect(content().string(startsWith("<svg")));
		this.mvc.perform(get("/api/workflows/Claim.state/diagram").accept("text/vnd.mermaid"))
			.andExpect(content().contentType("text/vnd.mermaid;charset=UTF-8"))
			.andExpect(content().string(containsString("stateDiagram-v2")));
		this.mvc.perform(get(BASE + claim.getId() + "/diagram").accept("text/vnd.graphviz"))
			.andExpect(content().contentType("text/vnd.graphviz;charset=UTF-8"))
			.andExpect(content().string(containsString("digraph")));
		this.mvc.perform(get(BASE + claim.getId() + "/diagram").accept("text/vnd.mermaid"))
			.andExpect(content().string(containsString("class FILED current")));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void documentsEveryTransitionAsAnOperationOfTheOpenApiDocument() throws Exception {
		String assess = "$.paths['/api/workflows/Claim.state/{id}/transitions/assess'].post";
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath(assess + ".operationId").value("claimStateAssess"))
			.andExpect(jsonPath(assess + ".summary").value("Assess"))
			.andExpect(jsonPath(assess + ".tags[0]").value("Claim.state"))
			.andExpect(jsonPath(assess + ".description").value("An adjuster sets the amount\n\nFrom FILED to ASSESSED"))
			.andExpect(jsonPath(assess + ".requestBody.required").value(true))
			.andExpect(jsonPath(assess + ".requestBody.content['application/json'].schema.properties.amount.type")
				.value("number"))
			.andExpect(jsonPath(assess + ".requestBody.content['application/json'].schema.required",
					contains("amount", "note")))
			.andExpect(jsonPath(assess + ".responses['200'].headers.ETag").exists())
			.andExpect(jsonPath(assess + ".responses['200'].content['application/json'].schema.properties.state.enum",
					contains("FILED", "ASSESSED", "APPROVED", "REJECTED", "PAID")))
			.andExpect(jsonPath(assess + ".responses['409'].description")
				.value("Conflict;" + " urn:fsm:problem:not-allowed: Transition not allowed in this state;"
						+ " urn:fsm:problem:conflict: Concurrent modification;"
						+ " urn:fsm:problem:locked: Entity locked by another transaction;"
						+ " urn:fsm:problem:unknown-state: Entity in an unknown state"))
			.andExpect(jsonPath(assess + ".responses['422'].content['application/problem+json'].schema['$ref']")
				.value("#/components/schemas/FsmProblem"))
			.andExpect(jsonPath(assess + ".responses['428']").doesNotExist())
			.andExpect(jsonPath("$.paths['/api/workflows/Claim.state/{id}/transitions/pay'].post.requestBody.required")
				.value(false))
			.andExpect(jsonPath("$.paths['/api/workflows/Pallet.state/{id}/transitions/load'].post.operationId")
				.value("palletStateLoad"))
			.andExpect(jsonPath("$.components.schemas.FsmProblem.properties.detail.type").value("string"));
	}

	private Claim filed() {
		return this.claims.save(new Claim("carol"));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void anEntityBehindItsAuditTrailIsAServerProblemForAnOperatorNotAConflictToRetry() throws Exception {
		Invoice invoice = this.invoices.save(new Invoice());
		String id = invoice.getId().toString();
		// a record the row does not know of: the table was restored from an older backup
		this.jdbc.update("insert into fsm_transition_record (entity_type, entity_id, workflow, seq_no,"
				+ " transition_name, source_state, target_state, actor, occurred_at, outcome) values ('WebInvoice', ?,"
				+ " 'WebInvoice.state', 1, 'settle', 'OPEN', 'SETTLED', 'ann', current_timestamp, 'COMPLETED')", id);

		problem(post("/api/workflows/WebInvoice.state/" + id + "/transitions/settle")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"), 500, "audit-trail-conflict",
				"Transition 'settle' cannot be recorded: the entity is behind"
						+ " its audit trail, and an operator must repair it (the server's log says how); nothing changed")
			.andExpect(jsonPath("$.title").value("Entity behind its audit trail"))
			.andExpect(jsonPath("$.transition").value("settle"));
		assertThat(this.jdbc.queryForList("select state, version from web_invoice where id = ?", invoice.getId()))
			.singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("STATE", "OPEN").containsEntry("VERSION", 0L));
	}

	private ResultActions problem(org.springframework.test.web.servlet.RequestBuilder request, int status, String type,
			String detail) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:" + type))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.detail").value(detail));
	}

	private void assertUnchanged(Claim claim) {
		new UnchangedClaims(this.claims, this.jdbc).assertUnchanged(claim);
	}

}
