package dev.fsm.web.it;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.fsm.Transitions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * State groups in the HTTP API: described with the workflow, counted within what the user
 * may list, and listed a page at a time; a group that does not exist is a 400 naming the
 * groups.
 */
@SpringBootTest(classes = WebTestApplication.class,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')" })
@AutoConfigureMockMvc
class StateGroupsOverHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimRepository claims;

	@Autowired
	Transitions transitions;

	@Autowired
	JdbcTemplate jdbc;

	private Claim assessed;

	private Claim rejected;

	@BeforeEach
	void claims() {
		this.jdbc.update("delete from claim");
		this.claims.save(new Claim("carol"));
		this.claims.save(new Claim("bob"));
		UsernamePasswordAuthenticationToken adjuster = UsernamePasswordAuthenticationToken.authenticated("ann", null,
				AuthorityUtils.createAuthorityList("ROLE_ADJUSTER"));
		this.transitions.runAs(adjuster, () -> {
			this.assessed = this.claims.save(new Claim("carol"));
			this.transitions.fire(this.assessed, "assess", BigDecimal.TEN, "x");
			this.rejected = this.claims.save(new Claim("carol"));
			this.transitions.fire(this.rejected, "assess", BigDecimal.TEN, "x");
			return this.transitions.fire(this.rejected, "decide", false);
		});
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void theWorkflowDescribesItsGroups() throws Exception {
		this.mvc.perform(get("/api/workflows"))
			.andExpect(jsonPath("$[0].groups[*].group", contains("OPEN", "DECIDED")))
			.andExpect(jsonPath("$[0].groups[0].states", contains("FILED", "ASSESSED")))
			.andExpect(jsonPath("$[0].groups[1].states", contains("APPROVED", "REJECTED", "PAID")))
			.andExpect(jsonPath("$[0].groups[0].parent").value(nullValue()))
			.andExpect(jsonPath("$[1].groups").isEmpty());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void countsTheEntitiesInEachGroup() throws Exception {
		this.mvc.perform(get("/api/workflows/Claim.state/groups"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].group", contains("OPEN", "DECIDED")))
			.andExpect(jsonPath("$[*].count", contains(3, 1)))
			.andExpect(jsonPath("$[0].states", contains("FILED", "ASSESSED")));
		this.mvc.perform(get("/api/workflows/WebInvoice.state/groups"))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"));
	}

	@Test
	@WithMockUser(username = "carol", roles = "CLAIMANT")
	void aUserCountsOnlyTheEntitiesHisReadFilterLists() throws Exception {
		this.mvc.perform(get("/api/workflows/Claim.state/groups"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].count", contains(2, 1)));
		this.mvc.perform(get("/api/workflows/Claim.state").param("group", "OPEN"))
			.andExpect(jsonPath("$.totalElements").value(2));
	}

	@Test
	@WithMockUser(username = "bob", roles = "CLERK")
	void aWorkflowTheUserMayNotListHasNoGroupCountsForHim() throws Exception {
		this.mvc.perform(get("/api/workflows/WebInvoice.state/groups"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:list-denied"));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void listsTheEntitiesInAGroupAPageAtATime() throws Exception {
		this.mvc.perform(get("/api/workflows/Claim.state").param("group", "OPEN").param("size", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.totalPages").value(2))
			.andExpect(jsonPath("$.content[*].state", containsInAnyOrder("FILED", "FILED")));
		this.mvc.perform(get("/api/workflows/Claim.state").param("group", "OPEN").param("page", "1").param("size", "2"))
			.andExpect(jsonPath("$.content[*].id", contains(this.assessed.getId().toString())));
		this.mvc.perform(get("/api/workflows/Claim.state").param("group", "DECIDED"))
			.andExpect(jsonPath("$.content[*].id", contains(this.rejected.getId().toString())));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void anUnknownGroupOrAStateAndAGroupAre400() throws Exception {
		this.mvc.perform(get("/api/workflows/Claim.state").param("group", "CLOSED"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:bad-request"))
			.andExpect(jsonPath("$.detail")
				.value("'CLOSED' is not a state group of workflow 'Claim.state' [OPEN, DECIDED]"))
			.andExpect(jsonPath("$.group").value("CLOSED"));
		this.mvc.perform(get("/api/workflows/Claim.state").param("group", "OPEN").param("state", "FILED"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("List the entities in a state or in a group, not both"));
		this.mvc.perform(get("/api/workflows/WebInvoice.state").param("group", "OPEN"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("'OPEN' is not a state group of workflow 'WebInvoice.state' []"));
	}

	@Test
	void withoutAUserGroupsAre401() throws Exception {
		this.mvc.perform(get("/api/workflows/Claim.state/groups")).andExpect(status().isUnauthorized());
	}

}
