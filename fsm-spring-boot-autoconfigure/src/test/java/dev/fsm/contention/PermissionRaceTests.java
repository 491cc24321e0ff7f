package dev.fsm.contention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.EntityRef;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A permission that reads the entity ({@code #entity.owner == authentication.name})
 * cannot be raced: when another transaction hands the job to someone else after the
 * permission passed and before the transition commits, that change incremented
 * {@code @Version}, so the transition's versioned write finds another version and the
 * transition loses. What commits is always checked against the state it commits on. (A
 * write that bypasses {@code @Version} is outside that promise, as it is for any JPA
 * entity.)
 */
@SpringBootTest(classes = ContentionApplication.class)
class PermissionRaceTests {

	private static final long ID = 900_101;

	@Autowired
	Transitions transitions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Faults faults;

	@Autowired
	Jobs jobs;

	@BeforeEach
	void job() {
		this.faults.clear();
		this.jobs.put(ID, "QUEUED", 0, 0, "alice");
	}

	@AfterEach
	void clear() {
		this.faults.clear();
	}

	@Test
	void theJobHandedToSomeoneElseAfterThePermissionPassedIsNotCancelledByItsFormerOwner() {
		this.faults.next((jdbc) -> handTo("bob"));
		assertThatExceptionOfType(ConcurrentTransitionException.class)
			.isThrownBy(() -> this.transitions.runAs("alice",
					() -> this.transitions.fire(EntityRef.of(Job.class, ID), "cancel")))
			.withMessageContaining("lost to a concurrent change");
		assertThat(this.jdbc.queryForMap("select state, owner, version from contention_job where id = ?", ID))
			.containsEntry("state", "QUEUED")
			.containsEntry("owner", "bob")
			.hasEntrySatisfying("version", (version) -> assertThat(((Number) version).longValue()).isEqualTo(1));
		assertThat(this.jobs.records(ID)).isZero();
		assertThat(this.faults.afterCommit).isEmpty();
	}

	@Test
	void itsOwnerCancelsItWhenNobodyIntervenes() {
		this.transitions.runAs("alice", () -> this.transitions.fire(EntityRef.of(Job.class, ID), "cancel"));
		assertThat(this.jdbc.queryForObject("select state from contention_job where id = ?", String.class, ID))
			.isEqualTo("IDLE");
	}

	/**
	 * Another application instance's transaction, committed: as JPA writes it, with the
	 * version.
	 */
	private void handTo(String owner) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement update = connection
					.prepareStatement("update contention_job set owner = ?, version = version + 1 where id = ?")) {
			connection.setAutoCommit(true);
			update.setString(1, owner);
			update.setLong(2, ID);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
