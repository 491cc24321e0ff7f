package dev.fsm.contention;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.EntityRef;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Faults between a transition's checks and its commit leave the row, its version, the
 * audit trail and the after-commit events exactly as before: the connection killed by the
 * database, the caller's transaction timing out, a statement timing out on a locked row.
 * The connection and statement faults need a real server (the PostgreSQL and MariaDB
 * profiles).
 */
@SpringBootTest(classes = ContentionApplication.class)
class FaultTests {

	private static final long ID = 900_001;

	@Autowired
	Transitions transitions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Faults faults;

	@Autowired
	Jobs jobs;

	String database;

	@BeforeEach
	void job() throws SQLException {
		this.faults.clear();
		this.jobs.put(ID, "QUEUED", 3, 2, "alice");
		try (Connection connection = this.dataSource.getConnection()) {
			this.database = connection.getMetaData().getDatabaseProductName();
		}
	}

	@AfterEach
	void clear() {
		this.faults.clear();
	}

	@Test
	void theDatabaseKillingTheConnectionMidTransitionChangesNothing() {
		assumeThat(this.database).as("a server that can kill a session").isIn("PostgreSQL", "MariaDB", "MySQL");
		this.faults.next((jdbc) -> kill(ownSession(jdbc)));
		Throwable failure = catchThrowable(() -> this.transitions.fire(EntityRef.of(Job.class, ID), "start"));
		assertThat(failure).isInstanceOf(DataAccessException.class);
		assertUnchanged();
	}

	@Test
	void theCallersTransactionTimingOutChangesNothing() {
		TransactionTemplate caller = new TransactionTemplate(this.transactionManager);
		caller.setTimeout(1);
		this.faults.next((jdbc) -> sleep(1_500));
		Throwable failure = catchThrowable(() -> caller
			.executeWithoutResult((status) -> this.transitions.fire(EntityRef.of(Job.class, ID), "start")));
		assertThat(failure).isInstanceOf(DataAccessException.class).hasMessageContaining("imeout");
		assertUnchanged();
	}

	@Test
	void aStatementTimingOutOnALockedRowChangesNothing() throws Exception {
		assumeThat(this.database).as("a server with statement and lock timeouts")
			.isIn("PostgreSQL", "MariaDB", "MySQL");
		ExecutorService other = Executors.newSingleThreadExecutor();
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> holder = other.submit(() -> {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(false);
				connection.createStatement()
					.executeQuery("select state from contention_job where id = " + ID + " for update");
				locked.countDown();
				release.await(30, TimeUnit.SECONDS);
				connection.rollback();
			}
			return null;
		});
		try {
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			this.faults.next(this::shortTimeouts);
			Throwable failure = catchThrowable(() -> this.transitions.fire(EntityRef.of(Job.class, ID), "start"));
			assertThat(failure).isInstanceOf(DataAccessException.class);
		}
		finally {
			release.countDown();
			holder.get(30, TimeUnit.SECONDS);
			other.shutdown();
			restoreTimeouts();
		}
		assertUnchanged();
	}

	private void assertUnchanged() {
		assertThat(this.jdbc.queryForMap("select state, version, runs from contention_job where id = ?", ID))
			.containsEntry("state", "QUEUED")
			.hasEntrySatisfying("version", (version) -> assertThat(((Number) version).longValue()).isEqualTo(3))
			.hasEntrySatisfying("runs", (runs) -> assertThat(((Number) runs).intValue()).isEqualTo(2));
		assertThat(this.jobs.records(ID)).isZero();
		assertThat(this.faults.afterCommit).isEmpty();
		// the engine is fine afterwards: the same transition commits
		this.transitions.fire(EntityRef.of(Job.class, ID), "start");
		assertThat(this.jdbc.queryForObject("select state from contention_job where id = ?", String.class, ID))
			.isEqualTo("RUNNING");
	}

	private String ownSession(JdbcTemplate jdbc) {
		return "PostgreSQL".equals(this.database)
				? String.valueOf(jdbc.queryForObject("select pg_backend_pid()", Integer.class))
				: String.valueOf(jdbc.queryForObject("select connection_id()", Long.class));
	}

	/** From another connection, as an operator or the database's own watchdog would. */
	private void kill(String session) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			connection.createStatement()
				.execute("PostgreSQL".equals(this.database) ? "select pg_terminate_backend(" + session + ")"
						: "kill connection " + session);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not kill session " + session, ex);
		}
	}

	private void shortTimeouts(JdbcTemplate jdbc) {
		if ("PostgreSQL".equals(this.database)) {
			jdbc.execute("set local statement_timeout = 300");
		}
		else {
			jdbc.execute("set session innodb_lock_wait_timeout = 1");
		}
	}

	/**
	 * MariaDB keeps a session setting on its pooled connection: replace the pool's
	 * connections.
	 */
	private void restoreTimeouts() throws SQLException {
		if (!"PostgreSQL".equals(this.database)) {
			this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
