package dev.fsm.audit.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The retention statements of docs/audit-trail.md, run as they are written there, on the
 * database the build runs against: old records go, each entity's latest record per
 * workflow stays, and the steps go on from it.
 */
@AuditIntegrationTest
class AuditRetentionTests {

	@Autowired
	Transitions transitions;

	@Autowired
	SupportTicketRepository tickets;

	@Autowired
	MemoRepository memos;

	@Autowired
	DataSource dataSource;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Test
	void theRetentionDeleteRemovesOldRecordsButEachEntitysLatest() throws Exception {
		SupportTicket old = this.tickets.save(new SupportTicket("Old"));
		this.transitions.on(old).open();
		this.transitions.on(old).assign("ann");
		this.transitions.on(old).close();
		SupportTicket recent = this.tickets.save(new SupportTicket("Recent"));
		this.transitions.on(recent).open();
		this.transitions.on(recent).assign("bob");
		Memo memo = this.memos.save(new Memo());
		this.transitions.on(memo).send();
		Instant longAgo = Instant.now().minus(Duration.ofDays(400));
		backdate("SupportTicket", old.getId(), longAgo);
		backdate("Memo", memo.getId(), longAgo);

		// (the table may hold old records of earlier runs on a real server: only this
		// test's are asserted)
		this.jdbc.update(retentionStatement(),
				Map.of("cutoff", Timestamp.from(Instant.now().minus(Duration.ofDays(365)))));

		assertThat(this.transitions.history(old)).extracting(TransitionRecord::sequence, TransitionRecord::transition)
			.containsExactly(tuple(3L, "close"));
		assertThat(this.transitions.history(memo)).extracting(TransitionRecord::sequence).containsExactly(1L);
		assertThat(this.transitions.history(recent)).extracting(TransitionRecord::sequence).containsExactly(2L, 1L);
		// the steps go on from the record that stayed
		this.transitions.on(this.tickets.findById(old.getId()).orElseThrow()).reopen();
		assertThat(this.transitions.history(old)).extracting(TransitionRecord::sequence).containsExactly(4L, 3L);
	}

	private void backdate(String entityType, Long id, Instant at) {
		this.jdbc.update(
				"update fsm_transition_record set occurred_at = :at where entity_type = :type and entity_id = :id",
				Map.of("at", Timestamp.from(at), "type", entityType, "id", id.toString()));
	}

	/** The statement docs/audit-trail.md gives for this database. */
	private String retentionStatement() throws SQLException, IOException {
		String product;
		try (Connection connection = this.dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName();
		}
		String marker = (product.equals("MariaDB") || product.equals("MySQL")) ? "<!-- retention: MariaDB -->"
				: "<!-- retention: PostgreSQL, H2 -->";
		return sqlAfter(marker);
	}

	/** The SQL block that follows {@code marker} in docs/audit-trail.md. */
	static String sqlAfter(String marker) throws IOException {
		String page = Files.readString(Path.of("../docs/audit-trail.md"));
		int at = page.indexOf(marker);
		assertThat(at).as("marker %s in docs/audit-trail.md", marker).isNotNegative();
		int start = page.indexOf("```sql\n", at) + "```sql\n".length();
		return page.substring(start, page.indexOf("```", start)).trim();
	}

}
