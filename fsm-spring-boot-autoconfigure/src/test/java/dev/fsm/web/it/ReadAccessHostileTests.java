package dev.fsm.web.it;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import dev.fsm.Transitions;
import dev.fsm.test.StatementLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Point 1 of the locked doors, tried as a hostile user: claimants read and list their own
 * claims only (the claim's read permission and read filter), adjusters read everything
 * ({@code fsm.web.read-all}). Someone else's entity answers exactly as one that does not
 * exist, on every endpoint, and a transition on it changes nothing; lists and counts are
 * filtered and paged in the database.
 */
@SpringBootTest(classes = { WebTestApplication.class, ReadAccessHostileTests.Statements.class },
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')" })
@AutoConfigureMockMvc
class ReadAccessHostileTests {

	private static final String BASE = "/api/workflows/Claim.state/";

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimRepository claims;

	@Autowired
	PalletRepository pallets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Transitions transitions;

	@Autowired
	StatementLog statements;

	@Test
	@WithMockUser(username = "dora", roles = "CLERK")
	void anotherUsersEntityAnswersOnEveryEndpointExactlyAsOneThatDoesNotExist() throws Exception {
		Claim carols = this.claims.save(new Claim("carol"));
		long missing = carols.getId() + 1_000_000;
		for (String path : List.of("", "/history", "/diagram", "/history?page=0&size=5")) {
			assertSameAnswer(get(BASE + carols.getId() + path), get(BASE + missing + path), carols.getId(), missing);
		}
		// a transition without a permission, one with one, a stale If-Match, a body that
		// is no JSON, none at all
		for (String transition : List.of("decide", "assess", "pay")) {
			assertSameAnswer(fire(carols.getId(), transition, "{\"approve\": true}"),
					fire(missing, transition, "{\"approve\": true}"), carols.getId(), missing);
		}
		assertSameAnswer(fire(carols.getId(), "assess", "{\"amount\": ").header(HttpHeaders.IF_MATCH, "\"99\""),
				fire(missing, "assess", "{\"amount\": ").header(HttpHeaders.IF_MATCH, "\"99\""), carols.getId(),
				missing);
		assertSameAnswer(post(BASE + carols.getId() + "/transitions/assess").contentType(MediaType.APPLICATION_JSON),
				post(BASE + missing + "/transitions/assess").contentType(MediaType.APPLICATION_JSON), carols.getId(),
				missing);
		assertUnchanged(carols);
	}

	@Test
	@WithMockUser(username = "dora", roles = "CLERK")
	void aTransitionWithoutAPermissionCannotBeFiredOnSomeoneElsesEntity() throws Exception {
		Claim carols = this.claims.save(new Claim("carol"));
		this.transitions.forceState(carols, "ASSESSED", "assessed on paper");
		Claim assessed = this.claims.findById(carols.getId()).orElseThrow();
		this.mvc.perform(fire(carols.getId(), "decide", "{\"approve\": true}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:unknown-entity"));
		Claim after = this.claims.findById(carols.getId()).orElseThrow();
		assertThat(after.getState()).isEqualTo(Claim.State.ASSESSED);
		assertThat(after.getVersion()).isEqualTo(assessed.getVersion());
		assertThat(this.jdbc.queryForList(
				"select outcome from fsm_transition_record where entity_type = 'Claim'" + " and entity_id = ?",
				String.class, carols.getId().toString()))
			.containsExactly("FORCED");
	}

	@Test
	@WithMockUser(username = "ivan", roles = "CLERK")
	void listsAndCountsHoldOnlyTheUsersOwnEntitiesFilteredAndPagedInTheQuery() throws Exception {
		List<Long> ivans = List.of(claim("ivan"), claim("ivan"), claim("ivan"));
		for (int i = 0; i < 4; i++) {
			claim("carol");
		}
		this.transitions.forceState(this.claims.findById(ivans.get(2)).orElseThrow(), "ASSESSED", "assessed");
		this.statements.clear();
		this.mvc.perform(get("/api/workflows/Claim.state").param("size", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].id", contains(ivans.get(0).toString(), ivans.get(1).toString())))
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.totalPages").value(2));
		assertThat(this.statements.touching(" from claim ")).isNotEmpty()
			.allSatisfy((sql) -> assertThat(sql).contains("claimant=?"))
			.anySatisfy((sql) -> assertThat(sql).containsAnyOf("fetch first ? rows only", " limit ?"));
		this.mvc.perform(get("/api/workflows/Claim.state").param("size", "2").param("page", "1"))
			.andExpect(jsonPath("$.content[*].id", contains(ivans.get(2).toString())));
		this.mvc.perform(get("/api/workflows/Claim.state").param("state", "ASSESSED"))
			.andExpect(jsonPath("$.content[*].id", contains(ivans.get(2).toString())))
			.andExpect(jsonPath("$.totalElements").value(1));
		this.mvc.perform(get("/api/workflows/Claim.state/states"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.state == 'FILED')].count", contains(2)))
			.andExpect(jsonPath("$[?(@.state == 'ASSESSED')].count", contains(1)));
		this.mvc.perform(get(BASE + ivans.get(0))).andExpect(status().isOk());
		this.mvc.perform(get(BASE + ivans.get(0) + "/history")).andExpect(status().isOk());
		this.mvc.perform(get(BASE + ivans.get(0) + "/diagram")).andExpect(status().isOk());
	}

	@Test
	@WithMockUser(username = "jules", roles = "CLERK")
	void workflowsWithoutAReadFilterAreListedOnlyToThoseWhoReadAll() throws Exception {
		this.pallets.save(new Pallet("east", 1));
		this.mvc.perform(get("/api/workflows"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", contains("Claim.state", "Parcel.state")));
		for (String path : List.of("", "/states", "/diagram")) {
			this.mvc.perform(get("/api/workflows/Pallet.state" + path))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("urn:fsm:problem:list-denied"))
				.andExpect(jsonPath("$.detail").value("You may not list the entities of workflow 'Pallet.state'"));
		}
		this.mvc.perform(get("/api/workflows/Pallet.state/depot=east,number=1"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:unknown-entity"));
		this.mvc
			.perform(post("/api/workflows/Pallet.state/depot=east,number=1/transitions/load")
				.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound());
		assertThat(this.pallets.findById(new Pallet.Key("east", 1)).orElseThrow().getState()).isEqualTo("SORTED");
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void whoReadsAllSeesAndCountsEveryEntity() throws Exception {
		long carols = claim("carol");
		long franks = claim("frank");
		Integer all = this.jdbc.queryForObject("select count(*) from claim", Integer.class);
		this.mvc.perform(get("/api/workflows/Claim.state").param("size", "500"))
			.andExpect(jsonPath("$.totalElements").value(all))
			.andExpect(jsonPath("$.content[?(@.id == '" + carols + "' || @.id == '" + franks + "')].id",
					containsInAnyOrder(String.valueOf(carols), String.valueOf(franks))));
		this.mvc.perform(get(BASE + carols)).andExpect(status().isOk());
		this.mvc.perform(get("/api/workflows"))
			.andExpect(jsonPath("$[*].name",
					contains("Claim.state", "Pallet.state", "Parcel.state", "Poster.state", "WebInvoice.state")));
	}

	@Test
	@WithMockUser(username = "gina", roles = "CLERK")
	void aUserWithNothingToReadGetsEmptyListsNotSomeoneElses() throws Exception {
		claim("carol");
		this.mvc.perform(get("/api/workflows/Claim.state"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(get("/api/workflows/Claim.state/states")).andExpect(jsonPath("$[*].count", everyItem(is(0))));
	}

	private long claim(String claimant) {
		return this.claims.save(new Claim(claimant)).getId();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder fire(long id, String transition,
			String body) {
		return post(BASE + id + "/transitions/" + transition).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	/**
	 * The same status and body, but for the id, for an entity the user may not read and
	 * one that does not exist.
	 */
	private void assertSameAnswer(RequestBuilder unreadable, RequestBuilder missing, long unreadableId, long missingId)
			throws Exception {
		MvcResult hidden = this.mvc.perform(unreadable).andReturn();
		MvcResult absent = this.mvc.perform(missing).andReturn();
		assertThat(hidden.getResponse().getStatus()).isEqualTo(404);
		assertThat(absent.getResponse().getStatus()).isEqualTo(404);
		assertThat(hidden.getResponse().getContentType()).isEqualTo(absent.getResponse().getContentType());
		String hiddenBody = hidden.getResponse().getContentAsString().replace(String.valueOf(unreadableId), "{id}");
		String absentBody = absent.getResponse().getContentAsString().replace(String.valueOf(missingId), "{id}");
		assertThat(hiddenBody).isEqualTo(absentBody).contains("\"type\":\"urn:fsm:problem:unknown-entity\"");
	}

	private void assertUnchanged(Claim claim) {
		Claim saved = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getVersion())).containsExactly(Claim.State.FILED, 0L);
		assertThat(saved.getAmount()).isNull();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from fsm_transition_record where entity_type = 'Claim'" + " and entity_id = ?",
				Integer.class, claim.getId().toString()))
			.isZero();
	}

	@Configuration(proxyBeanMethods = false)
	static class Statements {

		@Bean
		static StatementLog statementLog() {
			return new StatementLog();
		}

	}

}
