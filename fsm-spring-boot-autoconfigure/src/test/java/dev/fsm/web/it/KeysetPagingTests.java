package dev.fsm.web.it;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Lists at any size (issue 26): keyset pages ({@code after}), oldest in their state first
 * where the entity declares {@code @StateChangedAt}, by id otherwise, no total unless
 * asked; counts per state that stop at 10,000. A cursor is only a position: forged, it is
 * a 400 or a page of what the user may read, never more.
 */
@SpringBootTest(classes = WebTestApplication.class,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')" })
@AutoConfigureMockMvc
class KeysetPagingTests {

	private static final String PARCELS = "/api/workflows/Parcel.state";

	@Autowired
	MockMvc mvc;

	@Autowired
	ParcelRepository parcels;

	@Autowired
	ClaimRepository claims;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Transitions transitions;

	@BeforeEach
	void empty() {
		this.jdbc.update("delete from keyset_parcel");
	}

	@Test
	@WithMockUser(username = "sam", roles = "CLERK")
	void oldestInTheirStateFirstThenByIdThoseWithoutATimeLast() throws Exception {
		List<Long> ids = parcels("sam", 4);
		agedBy(ids.get(0), 10);
		agedBy(ids.get(1), 30);
		agedBy(ids.get(2), 30);
		this.jdbc.update("update keyset_parcel set state_changed_at = null where id = ?", ids.get(3));
		this.mvc.perform(get(PARCELS).param("state", "SORTED").param("after", ""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].id",
					contains(id(ids.get(1)), id(ids.get(2)), id(ids.get(0)), id(ids.get(3)))))
			.andExpect(jsonPath("$.content[0].since").value(since(ids.get(1)).toString()))
			.andExpect(jsonPath("$.content[0].stuck").value(true))
			.andExpect(jsonPath("$.content[2].stuck").value(true))
			.andExpect(jsonPath("$.content[3].since").value((Object) null))
			.andExpect(jsonPath("$.content[3].stuck").value(false))
			.andExpect(jsonPath("$.next").value((Object) null))
			.andExpect(jsonPath("$.totalElements").doesNotExist())
			.andExpect(jsonPath("$.page").doesNotExist())
			.andExpect(header().doesNotExist(HttpHeaders.LINK));
	}

	@Test
	@WithMockUser(username = "sam", roles = "CLERK")
	void everyRowExactlyOnceAcrossPagesWhileRowsChangeState() throws Exception {
		List<Long> ids = parcels("sam", 30);
		parcels("tom", 5);
		for (int i = 0; i < ids.size(); i++) {
			// ties on the time, and some without one: the id breaks them
			if (i % 7 == 0) {
				this.jdbc.update("update keyset_parcel set state_changed_at = null where id = ?", ids.get(i));
			}
			else {
				agedBy(ids.get(i), 100 - i % 4);
			}
		}
		Set<String> seen = new HashSet<>();
		List<String> listed = new ArrayList<>();
		Set<String> left = new HashSet<>();
		String after = "";
		int pages = 0;
		while (after != null) {
			MvcResult result = this.mvc.perform(get(PARCELS + "?state=SORTED&size=4&after=" + after))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.content[*].state", everyItem(is("SORTED"))))
				.andReturn();
			String body = result.getResponse().getContentAsString();
			List<String> page = JsonPath.read(body, "$.content[*].id");
			listed.addAll(page);
			seen.addAll(page);
			after = JsonPath.read(body, "$.next");
			if (after != null) {
				assertThat(result.getResponse().getHeader(HttpHeaders.LINK))
					.startsWith("<http://localhost" + PARCELS + "?")
					.contains("after=" + after)
					.contains("state=SORTED")
					.endsWith(">; rel=\"next\"");
			}
			// between pages, one parcel not listed yet and one listed leave the state
			for (Long id : ids) {
				String text = id(id);
				if (!left.contains(text) && !seen.contains(text)) {
					load(id);
					left.add(text);
					break;
				}
			}
			if (!page.isEmpty()) {
				load(Long.valueOf(page.get(0)));
				left.add(page.get(0));
			}
			pages++;
		}
		assertThat(listed).doesNotHaveDuplicates();
		List<String> stayed = ids.stream().map(KeysetPagingTests::id).filter((id) -> !left.contains(id)).toList();
		assertThat(listed).containsAll(stayed);
		assertThat(listed).allMatch((id) -> ids.contains(Long.valueOf(id)));
		assertThat(pages).isGreaterThan(3);
	}

	@Test
	@WithMockUser(username = "sam", roles = "CLERK")
	void aForgedOrGarbageCursorIsA400AndChangesNothing() throws Exception {
		parcels("sam", 2);
		Integer records = this.jdbc.queryForObject("select count(*) from fsm_transition_record", Integer.class);
		for (String after : List.of("%%%", "bm90IGEgY3Vyc29y", cursor("i|1"), cursor("n|x"), cursor("t|yesterday|1"),
				cursor("t|2026-01-01T00:00:00Z"), cursor("n|01"), cursor("q|1"))) {
			this.mvc.perform(get(PARCELS).param("after", after))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("urn:fsm:problem:bad-request"))
				.andExpect(jsonPath("$.detail").value("'" + after
						+ "' is not a cursor of the entities of workflow 'Parcel.state': give after the next of the"
						+ " previous page, or leave it empty for the first page"));
		}
		this.mvc.perform(get(PARCELS).param("after", "").param("page", "2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("Page by after (the next of the previous page) or by page number, not both"));
		assertThat(this.jdbc.queryForObject("select count(*) from fsm_transition_record", Integer.class))
			.isEqualTo(records);
		assertThat(this.jdbc.queryForList("select distinct state from keyset_parcel", String.class))
			.containsExactly("SORTED");
	}

	@Test
	@WithMockUser(username = "sam", roles = "CLERK")
	void aForgedCursorShowsOnlyWhatTheUserMayRead() throws Exception {
		List<Long> toms = parcels("tom", 3);
		List<Long> sams = parcels("sam", 2);
		String beforeAll = cursor("t|2000-01-01T00:00:00Z|" + toms.get(0));
		this.mvc.perform(get(PARCELS).param("after", beforeAll).param("total", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].id", contains(id(sams.get(0)), id(sams.get(1)))))
			.andExpect(jsonPath("$.totalElements").value(2));
		this.mvc.perform(get(PARCELS).param("after", cursor("n|" + toms.get(0))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content").isEmpty());
		this.jdbc.update("update keyset_parcel set state_changed_at = null");
		this.mvc.perform(get(PARCELS).param("after", cursor("n|" + toms.get(0))))
			.andExpect(jsonPath("$.content[*].id", contains(id(sams.get(0)), id(sams.get(1)))));
		this.mvc.perform(get(PARCELS + "/states"))
			.andExpect(jsonPath("$[*].count", contains(2, 0, 0)))
			.andExpect(jsonPath("$[*].exact", contains(true, true, true)));
	}

	@Test
	void anonymousUsersListAndCountNothing() throws Exception {
		parcels("sam", 2);
		this.mvc.perform(get(PARCELS).param("after", ""))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:unauthenticated"));
		this.mvc.perform(get(PARCELS + "/states")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void withoutStateChangedAtPagesGoByIdWithSinceFromTheAuditTrail() throws Exception {
		this.jdbc.update("delete from claim");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(this.claims.save(new Claim("carol")).getId());
		}
		MvcResult first = this.mvc
			.perform(get("/api/workflows/Claim.state").param("state", "FILED").param("size", "3").param("after", ""))
			.andExpect(jsonPath("$.content[*].id", contains(id(ids.get(0)), id(ids.get(1)), id(ids.get(2)))))
			.andReturn();
		String next = JsonPath.read(first.getResponse().getContentAsString(), "$.next");
		assertThat(new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8))
			.isEqualTo("i|" + ids.get(2));
		this.mvc
			.perform(get("/api/workflows/Claim.state").param("state", "FILED").param("size", "3").param("after", next))
			.andExpect(jsonPath("$.content[*].id", contains(id(ids.get(3)), id(ids.get(4)))))
			.andExpect(jsonPath("$.next").value((Object) null));
		this.mvc.perform(get("/api/workflows/Pallet.state").param("after", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("Pallet has a composite id: list its entities a page at a time with page, not after"));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void countsStopAtTenThousandUnlessExactOnesAreAsked() throws Exception {
		parcels("sam", 1);
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < 10_001; i++) {
			rows.add(new Object[] { 10_000_000L + i, now });
		}
		this.jdbc.batchUpdate("insert into keyset_parcel (id, version, sender, state, state_changed_at)"
				+ " values (?, 0, 'uma', 'LOADED', ?)", rows);
		this.mvc.perform(get(PARCELS + "/states"))
			.andExpect(jsonPath("$[*].state", contains("SORTED", "LOADED", "DELIVERED")))
			.andExpect(jsonPath("$[*].count", contains(1, 10_000, 0)))
			.andExpect(jsonPath("$[*].exact", contains(true, false, true)));
		this.mvc.perform(get(PARCELS + "/states").param("exact", "true"))
			.andExpect(jsonPath("$[*].count", contains(1, 10_001, 0)));
		this.jdbc.update("delete from keyset_parcel");
	}

	private List<Long> parcels(String sender, int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(this.parcels.save(new Parcel(sender)).getId());
		}
		return ids;
	}

	private void agedBy(long id, int days) {
		this.jdbc.update("update keyset_parcel set state_changed_at = ? where id = ?",
				Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").minusSeconds(days * 86_400L)), id);
	}

	private Instant since(long id) {
		return this.parcels.findById(id).orElseThrow().getStateChangedAt();
	}

	private void load(long id) {
		this.transitions.fire(dev.fsm.EntityRef.of(Parcel.class, id), "load");
	}

	private static String id(long id) {
		return Long.toString(id);
	}

	private static String cursor(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
