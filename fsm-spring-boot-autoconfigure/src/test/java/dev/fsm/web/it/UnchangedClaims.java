package dev.fsm.web.it;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim after a refusal: its row, its version and its audit trail as when it was
 * filed.
 */
final class UnchangedClaims {

	private final ClaimRepository claims;

	private final JdbcTemplate jdbc;

	UnchangedClaims(ClaimRepository claims, JdbcTemplate jdbc) {
		this.claims = claims;
		this.jdbc = jdbc;
	}

	void assertUnchanged(Claim claim) {
		Claim saved = this.claims.findById(claim.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getVersion())).containsExactly(Claim.State.FILED, 0L);
		assertThat(saved.getAmount()).isNull();
		assertThat(saved.getNote()).isNull();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from fsm_transition_record where entity_type = 'Claim'" + " and entity_id = ?",
				Integer.class, claim.getId().toString()))
			.isZero();
	}

}
