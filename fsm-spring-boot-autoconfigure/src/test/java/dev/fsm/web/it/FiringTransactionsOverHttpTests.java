package dev.fsm.web.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transactions one request that fires a transition begins: a read of its own before
 * the body only when that read can refuse something (a user who does not read every
 * entity, or a permission that could deny the arguments' sender), else only the
 * transition's, which loads the entity once.
 */
@SpringBootTest(classes = { WebTestApplication.class, FiringTransactionsOverHttpTests.Transactions.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')" })
class FiringTransactionsOverHttpTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	ClaimRepository claims;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Transactions transactions;

	RestClient client;

	@BeforeEach
	void client() {
		this.client = RestClient.builder().baseUrl("http://localhost:" + this.port + "/api/workflows").build();
	}

	@Test
	void aTransitionWithoutAPermissionFiredByAUserWhoReadsAllBeginsOnlyItsOwnTransaction() {
		Claim claim = this.claims.save(new Claim("carol"));
		this.transactions.begun.clear();
		ResponseEntity<Map<String, Object>> assessed = fire("ann", claim, "assess", "0",
				"{\"amount\": 40, \"note\": \"mirror\"}");
		assertThat(assessed.getBody()).containsEntry("state", "ASSESSED");
		// a permission (hasRole('ADJUSTER')) could deny ann: her arguments are read only
		// after a read of the claim judged it
		assertThat(this.transactions.begun).containsExactly("read-only", "read-write");

		this.transactions.begun.clear();
		ResponseEntity<Map<String, Object>> decided = fire("ann", claim, "decide", "1", "{\"approve\": true}");
		assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(decided.getHeaders().getETag()).isEqualTo("\"2\"");
		assertThat(decided.getBody()).containsEntry("state", "APPROVED").containsEntry("version", 2);
		assertThat(this.transactions.begun).containsExactly("read-write");
		assertThat(this.jdbc.queryForList(
				"select concat(transition_name, ':', target_state, ':', actor)"
						+ " from fsm_transition_record where entity_type = 'Claim' and entity_id = ? order by seq_no",
				String.class, claim.getId().toString()))
			.containsExactly("assess:ASSESSED:ann", "decide:APPROVED:ann");
	}

	@Test
	void aUserWhoDoesNotReadAllIsJudgedInAReadBeforeTheTransition() {
		Claim claim = this.claims.save(new Claim("bob"));
		this.jdbc.update("update claim set state = 'ASSESSED', amount = 10 where id = ?", claim.getId());
		this.transactions.begun.clear();
		ResponseEntity<Map<String, Object>> decided = fire("bob", claim, "decide", "0", "{\"approve\": false}");
		assertThat(decided.getBody()).containsEntry("state", "REJECTED");
		assertThat(this.transactions.begun).containsExactly("read-only", "read-write");
	}

	@Test
	void anEntityThatDoesNotExistIsA404WithoutTheRead() {
		this.transactions.begun.clear();
		ResponseEntity<String> missing = this.client.post()
			.uri("/Claim.state/{id}/transitions/decide", 999_999)
			.headers((headers) -> {
				headers.setBasicAuth("ann", "secret");
				headers.setIfMatch("\"0\"");
			})
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"approve\": true}")
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getBody()).contains("\"type\":\"urn:fsm:problem:unknown-entity\"")
			.contains("Claim#999999 does not exist");
		assertThat(this.transactions.begun).containsExactly("read-write");
	}

	private ResponseEntity<Map<String, Object>> fire(String user, Claim claim, String transition, String version,
			String body) {
		return this.client.post()
			.uri("/Claim.state/{id}/transitions/{transition}", claim.getId(), transition)
			.headers((headers) -> {
				headers.setBasicAuth(user, "secret");
				headers.setIfMatch("\"" + version + "\"");
			})
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JSON);
	}

	/** Records each transaction begun (not joined), read-only or not. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Transactions {

		final List<String> begun = new CopyOnWriteArrayList<>();

		@Bean
		TransactionExecutionListener beginnings() {
			return new TransactionExecutionListener() {

				@Override
				public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
					if (transaction.isNewTransaction()) {
						Transactions.this.begun.add(transaction.isReadOnly() ? "read-only" : "read-write");
					}
				}

			};
		}

	}

}
