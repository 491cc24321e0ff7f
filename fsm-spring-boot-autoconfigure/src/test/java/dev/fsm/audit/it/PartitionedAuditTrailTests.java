package dev.fsm.audit.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partitioned audit table of docs/audit-trail.md, created as written there in a
 * schema of its own on PostgreSQL (the db-postgres profile): the starter writes into it,
 * reads from it, its retention statement runs on it, and a month goes with
 * {@code DETACH PARTITION} and {@code DROP TABLE}.
 */
@EnabledIf("onPostgres")
@SpringBootTest(classes = AuditTestApplication.class,
		properties = { "fsm.audit.initialize-schema=always", "spring.jpa.hibernate.ddl-auto=create",
				"spring.datasource.hikari.schema=" + PartitionedAuditTrailTests.SCHEMA,
				"spring.jpa.properties.hibernate.default_schema=" + PartitionedAuditTrailTests.SCHEMA })
class PartitionedAuditTrailTests {

	static final String SCHEMA = "fsm_partitioned";

	@Autowired
	Transitions transitions;

	@Autowired
	SupportTicketRepository tickets;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	static boolean onPostgres() {
		return System.getProperty("spring.datasource.url", "").contains("jdbc:postgresql");
	}

	@BeforeAll
	static void createThePartitionedTable() throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
			statement.execute("create schema " + SCHEMA);
		}
	}

	/**
	 * In place of the table Hibernate's {@code create} made from the mapping (the test
	 * entities' tables come from it), the partitioned one of the documentation.
	 */
	@BeforeEach
	void partitionTheAuditTable() throws Exception {
		this.jdbc.getJdbcTemplate().execute("drop table fsm_transition_record");
		for (String sql : AuditRetentionTests.sqlAfter("<!-- partitioned: PostgreSQL -->").split(";")) {
			if (!sql.isBlank()) {
				this.jdbc.getJdbcTemplate().execute(sql);
			}
		}
	}

	/**
	 * Without the schema, whose tables Hibernate's schema update of other contexts would
	 * take for theirs.
	 */
	@AfterAll
	static void dropTheSchema() throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
		}
	}

	private static Connection connect() throws java.sql.SQLException {
		String env = System.getenv("FSM_POSTGRES_URL");
		String url = (env != null && !env.isEmpty()) ? env : "jdbc:postgresql://127.0.0.1:5432/test";
		String user = (System.getenv("FSM_POSTGRES_USER") != null) ? System.getenv("FSM_POSTGRES_USER") : "postgres";
		String password = (System.getenv("FSM_POSTGRES_PASSWORD") != null) ? System.getenv("FSM_POSTGRES_PASSWORD")
				: "";
		return DriverManager.getConnection(url, user, password);
	}

	@Test
	void transitionsAreRecordedReadAndRetainedInMonthlyPartitions() throws Exception {
		SupportTicket moved = this.tickets.save(new SupportTicket("Moved on"));
		this.transitions.on(moved).open();
		this.transitions.on(moved).assign("ann");
		SupportTicket waiting = this.tickets.save(new SupportTicket("Still open"));
		this.transitions.on(waiting).open();
		assertThat(count("select count(*) from fsm_transition_record")).isEqualTo(3);
		assertThat(count("select count(*) from only fsm_transition_record")).isZero();

		// November: the first step of each (a row moves to the partition of its new time)
		this.jdbc.update("update fsm_transition_record set occurred_at = :at where seq_no = 1",
				Map.of("at", Timestamp.from(Instant.parse("2026-11-15T10:00:00Z"))));
		assertThat(count("select count(*) from fsm_transition_record_2026_11")).isEqualTo(2);
		assertThat(this.transitions.history(moved)).extracting(TransitionRecord::sequence).containsExactly(2L, 1L);

		// the retention statement keeps the latest record of each, so November keeps the
		// waiting one's
		int deleted = this.jdbc.update(AuditRetentionTests.sqlAfter("<!-- retention: PostgreSQL, H2 -->"),
				Map.of("cutoff", Timestamp.from(Instant.parse("2026-12-01T00:00:00Z"))));
		assertThat(deleted).isEqualTo(1);
		assertThat(this.transitions.history(waiting)).extracting(TransitionRecord::sequence).containsExactly(1L);

		this.jdbc.getJdbcTemplate()
			.execute("alter table fsm_transition_record detach partition fsm_transition_record_2026_11");
		this.jdbc.getJdbcTemplate().execute("drop table fsm_transition_record_2026_11");

		assertThat(this.transitions.history(moved)).extracting(TransitionRecord::sequence).containsExactly(2L);
		assertThat(this.transitions.history(waiting)).isEmpty();
		// an entity with @Version takes its next step from its version, whatever the
		// trail holds
		this.transitions.on(this.tickets.findById(waiting.getId()).orElseThrow()).assign("bob");
		assertThat(this.transitions.history(waiting)).extracting(TransitionRecord::sequence).containsExactly(2L);
	}

	private long count(String sql) {
		Long count = this.jdbc.getJdbcTemplate().queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

}
