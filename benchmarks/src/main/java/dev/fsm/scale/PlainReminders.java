package dev.fsm.scale;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hand-written timeout a competent developer gives a scheduler library: in one transaction,
 * load the row, check its state, change it with a versioned update, and insert the history row
 * (the audit trail's columns) with {@link JdbcTemplate}.
 */
final class PlainReminders {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	PlainReminders(JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	void expire(long id) {
		this.transaction.executeWithoutResult((status) -> {
			Map<String, Object> row = this.jdbc.queryForMap("select state, version from plain_reminder where id = ?", id);
			if (!"WAITING".equals(row.get("state"))) {
				throw new IllegalStateException("Reminder " + id + " is " + row.get("state") + ", not WAITING");
			}
			long version = ((Number) row.get("version")).longValue();
			Timestamp now = Timestamp.from(Instant.now());
			int updated = this.jdbc.update(
					"update plain_reminder set state = 'EXPIRED', version = version + 1, changed_at = ? where id = ? and version = ?",
					now, id, version);
			if (updated != 1) {
				throw new OptimisticLockingFailureException("Reminder " + id + " changed concurrently");
			}
			this.jdbc.update("insert into plain_reminder_history (entity_type, entity_id, workflow, seq_no, "
					+ "transition_name, source_state, target_state, actor, occurred_at, outcome) "
					+ "values ('PlainReminder', ?, 'state', ?, 'expire', 'WAITING', 'EXPIRED', 'system', ?, 'COMPLETED')",
					Long.toString(id), version + 1, now);
		});
	}

}
