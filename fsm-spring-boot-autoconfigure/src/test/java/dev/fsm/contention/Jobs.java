package dev.fsm.contention;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Puts one job row in place, without history, and counts its audit records. */
@Component
class Jobs {

	private final JdbcTemplate jdbc;

	Jobs(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void put(long id, String state, long version, int runs, String owner) {
		this.jdbc.update("delete from fsm_transition_record where entity_type = 'Job' and entity_id = ?",
				String.valueOf(id));
		this.jdbc.update("delete from contention_job where id = ?", id);
		this.jdbc.update("insert into contention_job (id, version, state, runs, owner, poisoned)"
				+ " values (?, ?, ?, ?, ?, false)", id, version, state, runs, owner);
	}

	int records(long id) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from fsm_transition_record where entity_type = 'Job' and entity_id = ?", Integer.class,
				String.valueOf(id));
		return (count != null) ? count : 0;
	}

}
