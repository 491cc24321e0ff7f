package dev.fsm.web.it;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API end to end over a real port: a client with HTTP Basic reads an entity,
 * fires a transition with the {@code ETag} it read, and the audit trail records the
 * authenticated user, whatever the request claims.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')" })
class WorkflowApiOverHttpTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	ClaimRepository claims;

	@Autowired
	JdbcTemplate jdbc;

	RestClient client;

	@BeforeEach
	void client() {
		this.client = RestClient.builder().baseUrl("http://localhost:" + this.port + "/api/workflows").build();
	}

	@Test
	void aClientReadsAnEntityAndFiresWithTheVersionItSaw() {
		Claim claim = this.claims.save(new Claim("carol"));
		ResponseEntity<Map<String, Object>> read = this.client.get()
			.uri("/Claim.state/{id}", claim.getId())
			.headers((headers) -> headers.setBasicAuth("ann", "secret"))
			.retrieve()
			.toEntity(JSON);
		assertThat(read.getHeaders().getETag()).isEqualTo("\"0\"");
		assertThat(read.getBody()).containsEntry("state", "FILED");

		ResponseEntity<Map<String, Object>> fired = this.client.post()
			.uri("/Claim.state/{id}/transitions/assess", claim.getId())
			.headers((headers) -> {
				headers.setBasicAuth("ann", "secret");
				headers.setIfMatch(read.getHeaders().getETag());
				headers.set("X-Actor", "mallory");
			})
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\": 99.95, \"note\": \"windscreen\"}")
			.retrieve()
			.toEntity(JSON);
		assertThat(fired.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(fired.getHeaders().getETag()).isEqualTo("\"1\"");
		assertThat(fired.getBody()).containsEntry("state", "ASSESSED").containsEntry("result", "Assessed at 99.95");
		assertThat(this.jdbc.queryForList(
				"select actor from fsm_transition_record where entity_type = 'Claim'" + " and entity_id = ?",
				String.class, claim.getId().toString()))
			.containsExactly("ann");

		// the same ETag again is stale now: 412, and nothing changes
		ResponseEntity<String> again = this.client.post()
			.uri("/Claim.state/{id}/transitions/assess", claim.getId())
			.headers((headers) -> {
				headers.setBasicAuth("ann", "secret");
				headers.setIfMatch(read.getHeaders().getETag());
			})
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\": 1, \"note\": \"again\"}")
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
		assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(again.getBody()).contains("\"type\":\"urn:fsm:problem:stale-version\"");
		assertThat(this.claims.findById(claim.getId()).orElseThrow().getNote()).isEqualTo("windscreen");
	}

	@Test
	void withoutCredentialsTheAnswerIs401AndWrongOnesAreRefusedBySpringSecurity() {
		Claim claim = this.claims.save(new Claim("carol"));
		ResponseEntity<String> anonymous = this.client.post()
			.uri("/Claim.state/{id}/transitions/assess", claim.getId())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\": 1, \"note\": \"x\"}")
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getBody()).contains("urn:fsm:problem:unauthenticated");
		ResponseEntity<String> wrong = this.client.get()
			.uri("/Claim.state/{id}", claim.getId())
			.header(HttpHeaders.AUTHORIZATION, "Basic YW5uOndyb25n")
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
		assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		Claim saved = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo(Claim.State.FILED);
		assertThat(saved.getVersion()).isZero();
	}

}
