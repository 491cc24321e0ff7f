package dev.fsm.sample;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Locked doors, point 1, tried on the sample as the issue's attacker did: author2, signed in with
 * HTTP Basic, asks the workflow API and the pages for report 1, which belongs to the first
 * author. Every endpoint answers as if it did not exist, every transition on it changes nothing,
 * and every list and count holds her own reports only; staff read and count them all.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReadAccessAttackTests {

	private static final String API = "/api/workflows/CaseReport.state";

	private static final RequestPostProcessor AUTHOR2 = httpBasic(DemoUsers.OTHER_AUTHOR, DemoUsers.PASSWORD);

	private static final RequestPostProcessor AUTHOR = httpBasic(DemoUsers.AUTHOR, DemoUsers.PASSWORD);

	private static final RequestPostProcessor STAFF = httpBasic(DemoUsers.STAFF, DemoUsers.PASSWORD);

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Transitions transitions;

	@Test
	void author2GetsNotFoundForReport1OnEveryEndpointAndChangesNothing() throws Exception {
		CaseReport report1 = this.reports.findById(1L).orElseThrow();
		assertThat(report1.getAuthorEmail()).isEqualTo(DemoUsers.AUTHOR);
		List<Map<String, Object>> trail = auditTrail(1);
		long missing = 987_654L;
		for (String path : List.of("", "/history", "/diagram")) {
			assertSameAnswer(get(API + "/1" + path), get(API + "/" + missing + path), 1, missing);
		}
		assertSameAnswer(get(API + "/1/diagram").accept("text/vnd.mermaid"),
				get(API + "/" + missing + "/diagram").accept("text/vnd.mermaid"), 1, missing);
		for (String transition : this.transitions.workflow(CaseReport.class).transitionNames()) {
			assertSameAnswer(fire(1, transition), fire(missing, transition), 1, missing);
		}
		assertSameAnswer(fire(1, "edit").header(HttpHeaders.IF_MATCH, "\"0\""),
				fire(missing, "edit").header(HttpHeaders.IF_MATCH, "\"0\""), 1, missing);
		// the sample's own pages say the same
		for (String page : List.of("/reports/1", "/reports/1/edit")) {
			this.mvc.perform(get(page).with(AUTHOR2)).andExpect(status().isNotFound());
		}
		this.mvc.perform(post("/reports/1/transitions/submit").with(AUTHOR2).with(csrf()).param("version", "0"))
			.andExpect(status().isNotFound());
		CaseReport after = this.reports.findById(1L).orElseThrow();
		assertThat(List.of(after.getState(), after.getVersion(), after.getTitle()))
			.containsExactly(report1.getState(), report1.getVersion(), report1.getTitle());
		assertThat(auditTrail(1)).isEqualTo(trail);
	}

	@Test
	void author2SeesOnlyHerOwnReportsInEveryListAndCount() throws Exception {
		CaseReport hers = this.reports.save(new CaseReport("Her second case", DemoUsers.OTHER_AUTHOR));
		this.transitions.runAs(DemoUsers.OTHER_AUTHOR, () -> this.transitions.on(hers).submit());
		List<String> own = ids("where author_email = ?", DemoUsers.OTHER_AUTHOR);
		this.mvc.perform(get("/api/workflows").with(AUTHOR2))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", contains("CaseReport.state")));
		assertThat(listed(AUTHOR2, "")).containsExactlyElementsOf(own);
		for (ReportState state : ReportState.values()) {
			assertThat(listed(AUTHOR2, "&state=" + state))
				.containsExactlyElementsOf(ids("where author_email = ? and state = '" + state + "'", DemoUsers.OTHER_AUTHOR));
		}
		assertThat(counts(AUTHOR2)).isEqualTo(countsInDatabase("where author_email = '" + DemoUsers.OTHER_AUTHOR + "'"));
		assertThat(counts(AUTHOR2).get("ADMIN_REVIEW")).isPositive();
		this.mvc.perform(get(API + "/" + hers.getId()).with(AUTHOR2)).andExpect(status().isOk());
	}

	@Test
	void staffReadAndCountEveryReportAndTheAuthorHerOwn() throws Exception {
		assertThat(listed(STAFF, "")).containsExactlyElementsOf(ids("", null));
		assertThat(counts(STAFF)).isEqualTo(countsInDatabase(""));
		assertThat(listed(AUTHOR, "")).containsExactlyElementsOf(ids("where author_email = ?", DemoUsers.AUTHOR));
		this.mvc.perform(get(API + "/1").with(AUTHOR)).andExpect(status().isOk());
		this.mvc.perform(get(API + "/1").with(STAFF)).andExpect(status().isOk());
		this.mvc.perform(get(API + "/1/history").with(STAFF)).andExpect(status().isOk());
	}

	private MockHttpServletRequestBuilder fire(long id, String transition) {
		return post(API + "/" + id + "/transitions/" + transition).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Taken over\", \"body\": \"by author2\"}");
	}

	/** The same status and body, but for the id, for report 1 and for a report that does not exist. */
	private void assertSameAnswer(MockHttpServletRequestBuilder hidden, MockHttpServletRequestBuilder absent,
			long hiddenId, long absentId) throws Exception {
		MvcResult one = this.mvc.perform(hidden.with(AUTHOR2)).andReturn();
		MvcResult none = this.mvc.perform(absent.with(AUTHOR2)).andReturn();
		assertThat(one.getResponse().getStatus()).isEqualTo(404);
		assertThat(none.getResponse().getStatus()).isEqualTo(404);
		assertThat(one.getResponse().getContentType()).isEqualTo(none.getResponse().getContentType());
		assertThat(one.getResponse().getContentAsString().replace("/" + hiddenId + "/", "/{id}/")
			.replaceAll("/" + hiddenId + "\"", "/{id}\"")
			.replace("#" + hiddenId + " ", "#{id} ")
			.replace("\"id\":\"" + hiddenId + "\"", "\"id\":\"{id}\""))
			.isEqualTo(none.getResponse().getContentAsString().replace("/" + absentId + "/", "/{id}/")
				.replaceAll("/" + absentId + "\"", "/{id}\"")
				.replace("#" + absentId + " ", "#{id} ")
				.replace("\"id\":\"" + absentId + "\"", "\"id\":\"{id}\""))
			.contains("urn:fsm:problem:unknown-entity");
	}

	private List<String> listed(RequestPostProcessor user, String query) throws Exception {
		String body = this.mvc.perform(get(API + "?size=500" + query).with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((Integer) JsonPath.read(body, "$.totalElements")).isEqualTo(JsonPath.<List<?>>read(body, "$.content").size());
		return JsonPath.read(body, "$.content[*].id");
	}

	private Map<String, Long> counts(RequestPostProcessor user) throws Exception {
		String body = this.mvc.perform(get(API + "/states").with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> counts = JsonPath.read(body, "$");
		return counts.stream()
			.filter((entry) -> ((Number) entry.get("count")).longValue() > 0)
			.collect(Collectors.toMap((entry) -> (String) entry.get("state"),
					(entry) -> ((Number) entry.get("count")).longValue()));
	}

	private Map<String, Long> countsInDatabase(String where) {
		return this.jdbc.queryForList("select state, count(*) as n from case_report " + where + " group by state")
			.stream()
			.collect(Collectors.toMap((row) -> (String) row.get("STATE"), (row) -> ((Number) row.get("N")).longValue()));
	}

	private List<String> ids(String where, String author) {
		String sql = "select id from case_report " + where + " order by id";
		return (author != null) ? this.jdbc.queryForList(sql, String.class, author)
				: this.jdbc.queryForList(sql, String.class);
	}

	private List<Map<String, Object>> auditTrail(long id) {
		return this.jdbc.queryForList("select seq_no, transition_name, actor from fsm_transition_record"
				+ " where entity_type = 'CaseReport' and entity_id = ? order by seq_no", String.valueOf(id));
	}

}
