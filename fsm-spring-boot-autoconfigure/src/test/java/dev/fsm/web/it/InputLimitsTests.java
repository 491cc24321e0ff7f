package dev.fsm.web.it;

import java.net.URI;
import java.util.List;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Too large, too deep, too far and oddly written input: bodies over
 * {@code fsm.web.max-request-size} (here 8 KB) are refused before they are read or as
 * soon as the limit is passed, a denied user's body is not read at all, JSON within
 * Jackson's tighter limits only, pages that overflow are a 400, ids only as the API
 * writes them. Each refusal leaves the row, its version and the audit trail as they were.
 */
@SpringBootTest(classes = WebTestApplication.class,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')", "fsm.web.max-request-size=8KB",
				"fsm.web.max-page-size=50" })
@AutoConfigureMockMvc
class InputLimitsTests {

	private static final long LIMIT = 8 * 1024;

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimRepository claims;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aBodyDeclaredLargerThanTheLimitIs413BeforeAByteIsRead() throws Exception {
		Claim claim = filed();
		StreamedBody huge = StreamedBody.declared(assess(claim), 60L * 1024 * 1024);
		problem(huge, 413, "too-large",
				"The request body is larger than the 8192 bytes this API accepts (fsm.web.max-request-size)")
			.andExpect(jsonPath("$.maxBytes").value(8192));
		assertThat(huge.read()).isZero();
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aChunkedBodyIsReadOnlyUpToTheLimit() throws Exception {
		Claim claim = filed();
		StreamedBody endless = StreamedBody.chunked(assess(claim), 1024L * 1024 * 1024);
		problem(endless, 413, "too-large",
				"The request body is larger than the 8192 bytes this API accepts (fsm.web.max-request-size)");
		assertThat(endless.read()).isEqualTo(LIMIT + 1);
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "bob", roles = "CLERK")
	void aUserWhoMayNotFireIsRefusedBeforeHisBodyIsRead() throws Exception {
		Claim claim = filed();
		StreamedBody body = StreamedBody.chunked(assess(claim), 1024L * 1024 * 1024);
		problem(body, 403, "denied", "You may not fire transition 'assess' on this Claim.");
		assertThat(body.read()).isZero();
		// not even parsed: broken JSON is refused as denied, not as malformed
		problem(json(post(assess(claim)), "{\"amount\": "), 403, "denied", null);
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aBodyOfAnEntityThatDoesNotExistIsNotRead() throws Exception {
		StreamedBody body = StreamedBody.chunked("/api/workflows/Claim.state/987654/transitions/assess", 100_000);
		problem(body, 404, "unknown-entity", "Claim#987654 does not exist");
		assertThat(body.read()).isZero();
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void jsonIsParsedWithinTighterLimitsThanJacksonsDefaults() throws Exception {
		Claim claim = filed();
		String overLimits = "The request body is over the limits of transition arguments: JSON nested at most 32"
				+ " deep, numbers of at most 100 digits, names of at most 256 characters";
		problem(json(post(assess(claim)), "{\"note\": " + "[".repeat(40) + "]".repeat(40) + "}"), 400, "bad-request",
				overLimits);
		problem(json(post(assess(claim)), "{\"amount\": 1" + "0".repeat(150) + ", \"note\": \"x\"}"), 400,
				"bad-request", overLimits);
		problem(json(post(assess(claim)), "{\"" + "n".repeat(300) + "\": 1}"), 400, "bad-request", overLimits);
		problem(json(post(assess(claim)), "{\"amount\": 1e999999999, \"note\": \"x\"}"), 400, "bad-request",
				"Argument 'amount' of transition 'assess' is a number beyond the 100 digits this API accepts")
			.andExpect(jsonPath("$.argument").value("amount"));
		assertUnchanged(claim);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void aPageBeyondWhatAQueryCanSkipIs400AndSizesAreCapped() throws Exception {
		Claim claim = filed();
		problem(get("/api/workflows/Claim.state").param("page", "2147483647").param("size", "500"), 400, "bad-request",
				"Page 2147483647 of 50 starts beyond the 2147483647 rows a listing can skip");
		problem(get("/api/workflows/Claim.state/" + claim.getId() + "/history").param("page", "2147483647"), 400,
				"bad-request", "Page 2147483647 of 20 starts beyond the 2147483647 rows a listing can skip");
		problem(get("/api/workflows/Claim.state").param("page", "99999999999"), 400, "bad-request",
				"'99999999999' is not a valid page");
		problem(get("/api/workflows/Claim.state").param("size", "lots"), 400, "bad-request",
				"'lots' is not a valid size");
		this.mvc.perform(get("/api/workflows/Claim.state").param("size", "100000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(50));
		this.mvc.perform(get("/api/workflows/Claim.state").param("page", "-3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(0));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void idsAreAcceptedOnlyAsTheApiWritesThem() throws Exception {
		Claim claim = filed();
		long id = claim.getId();
		String canonical = Long.toString(id);
		String fullWidth = canonical.chars()
			.mapToObj((digit) -> "%EF%BC%" + Integer.toHexString(0x90 + digit - '0').toUpperCase())
			.reduce("", String::concat);
		for (String written : List.of("0x" + Long.toHexString(id), "0" + id, "+" + id, "%20" + id, fullWidth, id + ".0",
				"-0" + id)) {
			URI entity = URI.create("/api/workflows/Claim.state/" + written);
			this.mvc.perform(get(entity))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("urn:fsm:problem:bad-request"));
			this.mvc.perform(get(URI.create(entity + "/history"))).andExpect(status().isBadRequest());
			this.mvc.perform(get(URI.create(entity + "/diagram"))).andExpect(status().isBadRequest());
			this.mvc.perform(json(post(URI.create(entity + "/transitions/assess")), "{\"amount\": 1, \"note\": \"x\"}"))
				.andExpect(status().isBadRequest());
		}
		problem(get(URI.create("/api/workflows/Claim.state/0x" + Long.toHexString(id))), 400, "bad-request",
				"'0x" + Long.toHexString(id) + "' is not an id of Claim as this API writes them: write '" + id + "'")
			.andExpect(jsonPath("$.id").value("0x" + Long.toHexString(id)));
		problem(get(URI.create("/api/workflows/Claim.state/%20" + id)), 400, "bad-request",
				"' " + id + "' is not an id of Claim as this API writes them: write '" + id + "'");
		problem(get("/api/workflows/Claim.state/not-a-number"), 400, "bad-request",
				"'not-a-number' is not an id of Claim");
		this.mvc.perform(get("/api/workflows/Claim.state/" + canonical)).andExpect(status().isOk());
		assertUnchanged(claim);
	}

	/** A claim of bob's, who may read it but not assess it; adjusters read all. */
	private Claim filed() {
		return this.claims.save(new Claim("bob"));
	}

	private static String assess(Claim claim) {
		return "/api/workflows/Claim.state/" + claim.getId() + "/transitions/assess";
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.header(HttpHeaders.IF_MATCH, "*").contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private ResultActions problem(RequestBuilder request, int status, String type, String detail) throws Exception {
		ResultActions result = this.mvc.perform(request)
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:" + type));
		return (detail != null) ? result.andExpect(jsonPath("$.detail").value(detail)) : result;
	}

	private void assertUnchanged(Claim claim) {
		new UnchangedClaims(this.claims, this.jdbc).assertUnchanged(claim);
	}

}
