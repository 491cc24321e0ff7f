package dev.fsm.web.it;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.fsm.Transitions;
import dev.fsm.test.StatementLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the console's operators find and do through the API, within read access: filters
 * on the searchable attributes ({@code @StateField(searchable)}) in the query, bulk
 * transitions with a result per row, an entity's fields. Claimants read and list their
 * own claims; adjusters everything.
 */
@SpringBootTest(classes = { WebTestApplication.class, SearchAndBulkTests.Statements.class },
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')", "fsm.web.max-bulk-size=3",
				"fsm.web.hidden-fields=Claim.note" })
@AutoConfigureMockMvc
class SearchAndBulkTests {

	private static final String CLAIMS = "/api/workflows/Claim.state";

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimRepository claims;

	@Autowired
	Transitions transitions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatementLog statements;

	// finding

	@Test
	@WithMockUser(username = "ivan", roles = "CLERK")
	void aFilterMatchesTextIgnoringCaseInTheQueryAndOnlyAmongTheUsersOwnEntities() throws Exception {
		String word = token();
		long window = this.claims.save(new Claim("ivan", "Broken " + word + " window")).getId();
		this.claims.save(new Claim("ivan", "Flooded cellar"));
		this.claims.save(new Claim("carol", "broken " + word + " door"));
		this.statements.clear();
		this.mvc.perform(get(CLAIMS).param("filter.note", "BROKEN " + word.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].id", contains(String.valueOf(window))))
			.andExpect(jsonPath("$.totalElements").value(1));
		assertThat(this.statements.touching(" from claim ")).isNotEmpty()
			.allSatisfy((sql) -> assertThat(sql).contains("claimant=?").contains("like ?"))
			.allSatisfy((sql) -> assertThat(sql).doesNotContain(word));
		// another user's entity cannot be found by its attributes either
		this.mvc.perform(get(CLAIMS).param("filter.claimant", "carol"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content", empty()))
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(get(CLAIMS).param("state", "FILED").param("filter.note", word))
			.andExpect(jsonPath("$.content[*].id", contains(String.valueOf(window))));
		this.mvc.perform(get(CLAIMS).param("group", "DECIDED").param("filter.note", word))
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void whoReadsAllFindsEveryonesAndNumbersMatchExactly() throws Exception {
		String word = token();
		long ivans = this.claims.save(new Claim("ivan", word)).getId();
		long carols = this.claims.save(new Claim("carol", "x" + word + "x")).getId();
		this.mvc.perform(get(CLAIMS).param("filter.note", word))
			.andExpect(jsonPath("$.content[*].id", contains(String.valueOf(ivans), String.valueOf(carols))));
		this.mvc.perform(get(CLAIMS).param("filter.note", word).param("filter.claimant", "CAR"))
			.andExpect(jsonPath("$.content[*].id", contains(String.valueOf(carols))));
		this.mvc.perform(get(CLAIMS).param("filter.amount", "12345.67").param("filter.note", word))
			.andExpect(jsonPath("$.totalElements").value(0));
		// an empty filter filters nothing
		this.mvc.perform(get(CLAIMS).param("filter.note", word).param("filter.claimant", ""))
			.andExpect(jsonPath("$.totalElements").value(2));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void wildcardsAndQuotesAreTextNotQuerySyntax() throws Exception {
		String word = token();
		long percent = this.claims.save(new Claim("ivan", word + " 100% sure")).getId();
		this.claims.save(new Claim("ivan", word + " 100 sure"));
		this.mvc.perform(get(CLAIMS).param("filter.note", "100%"))
			.andExpect(jsonPath("$.content[*].id", contains(String.valueOf(percent))));
		this.mvc.perform(get(CLAIMS).param("filter.note", "_")).andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(get(CLAIMS).param("filter.note", "' or '1'='1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(get(CLAIMS).param("filter.note", "!" + word)).andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aFilterOnAnAttributeThatIsNotSearchableOrAValueThatDoesNotFitIsA400() throws Exception {
		this.mvc.perform(get(CLAIMS).param("filter.version", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:bad-request"))
			.andExpect(jsonPath("$.detail").value("'version' is no searchable attribute of workflow 'Claim.state';"
					+ " it has [claimant, note, amount]"))
			.andExpect(jsonPath("$.parameter").value("filter.version"));
		this.mvc.perform(get(CLAIMS).param("filter.claimant) or (1=1", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("'claimant) or (1=1' is no searchable attribute of workflow"
					+ " 'Claim.state'; it has [claimant, note, amount]"));
		this.mvc.perform(get(CLAIMS).param("filter.amount", "lots"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("'lots' is not a valid amount of Claim (BigDecimal)"));
		this.mvc.perform(get(CLAIMS).param("filter.note", "x".repeat(201)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The filter on 'note' is longer than 200 characters"));
		this.mvc.perform(get("/api/workflows/Pallet.state").param("filter.depot", "east"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("'depot' is no searchable attribute of workflow 'Pallet.state';" + " it has []"));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void theWorkflowSaysWhatIsSearchableAndWhenAnEntityIsStuck() throws Exception {
		this.mvc.perform(get("/api/workflows"))
			.andExpect(jsonPath("$[?(@.name == 'Claim.state')].searchable[*]", contains("claimant", "note", "amount")))
			.andExpect(jsonPath("$[?(@.name == 'Claim.state')].stuckAfter.FILED", contains("PT168H")))
			.andExpect(jsonPath("$[?(@.name == 'Poster.state')].searchable[*]", empty()));
		long fresh = this.claims.save(new Claim("ivan", token())).getId();
		Claim forced = this.claims.save(new Claim("ivan", token()));
		this.transitions.forceState(forced, "ASSESSED", "on paper");
		this.mvc.perform(get(CLAIMS).param("filter.claimant", "ivan").param("size", "500"))
			.andExpect(jsonPath("$.content[?(@.id == '" + fresh + "')].stuck", contains(false)))
			.andExpect(jsonPath("$.content[?(@.id == '" + forced.getId() + "')].stuck", contains(false)))
			.andExpect(jsonPath("$.content[?(@.id == '" + forced.getId() + "')].since").isNotEmpty());
	}

	// an entity's fields

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void anEntityShowsItsFieldsButNotItsIdVersionStateOrHiddenOnes() throws Exception {
		long id = this.claims.save(new Claim("ivan", "secret note")).getId();
		this.mvc.perform(get(CLAIMS + "/" + id).param("fields", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fields[*].name", contains("claimant", "amount")))
			.andExpect(jsonPath("$.fields[0].value").value("ivan"))
			.andExpect(jsonPath("$.fields[1].value").doesNotExist());
		// only asked for: an API client that did not ask gets the entity's view as before
		this.mvc.perform(get(CLAIMS + "/" + id)).andExpect(jsonPath("$.fields").doesNotExist());
	}

	// bulk

	@Test
	@WithMockUser(username = "ivan", roles = "CLERK")
	void anotherUsersFieldsAreNotFound() throws Exception {
		long carols = this.claims.save(new Claim("carol", "hers")).getId();
		this.mvc.perform(get(CLAIMS + "/" + carols).param("fields", "true"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:unknown-entity"))
			.andExpect(jsonPath("$.fields").doesNotExist());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aBulkTransitionFiresEachRowReportsTheRefusedOneAndFiresTheOthers() throws Exception {
		long first = approved("ivan");
		long filed = this.claims.save(new Claim("ivan")).getId();
		long second = approved("carol");
		this.mvc.perform(bulk("pay", first, filed, second))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fired").value(2))
			.andExpect(jsonPath("$.refused").value(1))
			.andExpect(jsonPath("$.failed").value(0))
			.andExpect(jsonPath("$.results[*].id",
					contains(String.valueOf(first), String.valueOf(filed), String.valueOf(second))))
			.andExpect(jsonPath("$.results[*].outcome", contains("FIRED", "REFUSED", "FIRED")))
			.andExpect(jsonPath("$.results[0].state").value("PAID"))
			.andExpect(jsonPath("$.results[0].version").value(3))
			.andExpect(jsonPath("$.results[1].status").value(409))
			.andExpect(jsonPath("$.results[1].type").value("urn:fsm:problem:not-allowed"))
			.andExpect(jsonPath("$.results[1].detail").value("Transition 'pay' is not allowed from state 'FILED' on"
					+ " Claim#" + filed + " (allowed from: APPROVED)"))
			.andExpect(jsonPath("$.results[1].allowed", contains("assess")));
		assertThat(stateOf(first)).isEqualTo(Claim.State.PAID);
		assertThat(stateOf(second)).isEqualTo(Claim.State.PAID);
		assertThat(stateOf(filed)).isEqualTo(Claim.State.FILED);
		assertThat(this.jdbc.queryForList(
				"select entity_id from fsm_transition_record where transition_name = 'pay'"
						+ " and entity_id in (?, ?, ?) order by id",
				String.class, String.valueOf(first), String.valueOf(filed), String.valueOf(second)))
			.containsExactly(String.valueOf(first), String.valueOf(second));
	}

	@Test
	@WithMockUser(username = "ivan", roles = "CLERK")
	void anotherUsersEntityIsRefusedInABulkAsOneThatDoesNotExist() throws Exception {
		long ivans = approved("ivan");
		long carols = approved("carol");
		long missing = carols + 1_000_000;
		this.mvc.perform(bulk("pay", ivans, carols, missing))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[*].outcome", contains("FIRED", "REFUSED", "REFUSED")))
			.andExpect(jsonPath("$.results[1].status").value(404))
			.andExpect(jsonPath("$.results[1].type").value("urn:fsm:problem:unknown-entity"))
			.andExpect(jsonPath("$.results[1].detail").value("Claim#" + carols + " does not exist"))
			.andExpect(jsonPath("$.results[2].detail").value("Claim#" + missing + " does not exist"));
		assertThat(stateOf(ivans)).isEqualTo(Claim.State.PAID);
		assertThat(stateOf(carols)).isEqualTo(Claim.State.APPROVED);
	}

	@Test
	@WithMockUser(username = "bob", roles = "CLERK")
	void aDeniedPermissionIsReportedPerRowInWords() throws Exception {
		long claim = this.claims.save(new Claim("bob")).getId();
		this.mvc.perform(bulk("assess", claim).content("{\"amount\": 5, \"note\": \"x\"}"))
			.andExpect(jsonPath("$.results[0].outcome").value("REFUSED"))
			.andExpect(jsonPath("$.results[0].status").value(403))
			.andExpect(jsonPath("$.results[0].detail").value("You may not fire transition 'assess' on this Claim."));
		assertThat(stateOf(claim)).isEqualTo(Claim.State.FILED);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aStaleVersionRefusesItsRowOnly() throws Exception {
		long first = approved("ivan");
		long second = approved("ivan");
		this.mvc.perform(bulk("pay", first, second).param("version", "2", "1"))
			.andExpect(jsonPath("$.results[*].outcome", contains("FIRED", "REFUSED")))
			.andExpect(jsonPath("$.results[1].status").value(412));
		assertThat(stateOf(second)).isEqualTo(Claim.State.APPROVED);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void forgedOrTooLargeBulkRequestsFireNothing() throws Exception {
		long a = approved("ivan");
		long b = approved("ivan");
		long c = approved("ivan");
		long d = approved("ivan");
		this.mvc.perform(bulk("pay", a, b, c, d))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:too-large"))
			.andExpect(jsonPath("$.detail").value("One request fires a transition on at most 3 entities, not 4"));
		this.mvc.perform(bulk("pay").param("id", String.valueOf(a), "1 or 1=1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("'1 or 1=1' is not an id of Claim"));
		this.mvc.perform(bulk("pay", a, a))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Claim#" + a + " is named twice"));
		this.mvc.perform(bulk("pay"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Name the entities to fire 'pay' on as id parameters: ?id=1&id=2"));
		this.mvc.perform(bulk("pay", a, b).param("version", "2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Give a version for every id or for none: 2 ids, 1 versions"));
		this.mvc.perform(bulk("pay", a).content("{\"surprise\": 1}")).andExpect(status().isBadRequest());
		this.mvc.perform(bulk("pay", a).contentType(MediaType.TEXT_PLAIN)).andExpect(status().isUnsupportedMediaType());
		this.mvc.perform(bulk("launder", a))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:unknown-transition"));
		for (long id : List.of(a, b, c, d)) {
			assertThat(stateOf(id)).isEqualTo(Claim.State.APPROVED);
		}
	}

	@Test
	void anonymousUsersCannotFireInBulk() throws Exception {
		long a = approved("ivan");
		this.mvc.perform(bulk("pay", a)).andExpect(status().isUnauthorized());
		assertThat(stateOf(a)).isEqualTo(Claim.State.APPROVED);
	}

	private MockHttpServletRequestBuilder bulk(String transition, long... ids) {
		MockHttpServletRequestBuilder request = post(CLAIMS + "/transitions/" + transition)
			.contentType(MediaType.APPLICATION_JSON);
		for (long id : ids) {
			request.param("id", String.valueOf(id));
		}
		return request;
	}

	/**
	 * A claim of {@code claimant} assessed at 5 and approved by an adjuster: version 2.
	 */
	private long approved(String claimant) {
		Claim claim = this.claims.save(new Claim(claimant));
		this.transitions.runAs(UsernamePasswordAuthenticationToken.authenticated("adjuster", null,
				AuthorityUtils.createAuthorityList("ROLE_ADJUSTER")), () -> {
					this.transitions.fire(claim, "assess", BigDecimal.valueOf(5), "assessed");
					return this.transitions.fire(this.claims.findById(claim.getId()).orElseThrow(), "decide", true);
				});
		assertThat(stateOf(claim.getId())).isEqualTo(Claim.State.APPROVED);
		return claim.getId();
	}

	private Claim.State stateOf(long id) {
		return this.claims.findById(id).orElseThrow().getState();
	}

	private static String token() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	@Configuration(proxyBeanMethods = false)
	static class Statements {

		@Bean
		static StatementLog statementLog() {
			return new StatementLog();
		}

	}

}
