package dev.fsm.contention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.EntityRef;
import dev.fsm.Locking;
import dev.fsm.TransitionLockTimeoutException;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances (two Spring contexts, each with its own engine and connection
 * pool) on one database, 8 threads each, firing random transitions allowed from the state
 * they last read on 1,000 jobs. Afterwards every job's state is the replay of its audit
 * trail, its version counts its records, its body's counter its starts, and every attempt
 * that did not commit ended in a typed refusal. Once with optimistic locking, once with
 * pessimistic ({@code fsm.locking.mode}), where firing by id loads each job under its row
 * lock, so no attempt loses to a concurrent change; {@code ping} is declared safe to
 * repeat in both. On H2 a few thousand attempts per mode run in the fast suite; the
 * PostgreSQL and MariaDB profiles run 100,000 ({@code fsm.contention.attempts}).
 */
class TwoInstancesContentionTests {

	private static final int JOBS = 1_000;

	private static final int THREADS_PER_INSTANCE = 8;

	private static final Map<String, List<String>> ALLOWED = Map.of("IDLE", List.of("enqueue", "ping"), "QUEUED",
			List.of("start", "ping"), "RUNNING", List.of("finish", "fail", "ping"), "DONE", List.of("reset", "ping"),
			"FAILED", List.of("retry", "ping"));

	private final int attempts = Integer.getInteger("fsm.contention.attempts", 4_000);

	private final long seconds = Long.getLong("fsm.contention.seconds", 300);

	@ParameterizedTest
	@EnumSource(value = Locking.class, names = { "OPTIMISTIC", "PESSIMISTIC" })
	void twoInstancesFiringAtOnceNeverLoseNorDoubleATransition(Locking mode) throws Exception {
		String url = System.getProperty("spring.datasource.url",
				"jdbc:h2:mem:contention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		try (ConfigurableApplicationContext first = start(url, "create-drop", mode);
				ConfigurableApplicationContext second = start(url, "none", mode)) {
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			insertJobs(jdbc);
			Attempts outcomes = new Attempts();
			long started = System.nanoTime();
			run(List.of(first, second), outcomes);
			double elapsed = (System.nanoTime() - started) / 1e9;

			assertThat(outcomes.untyped()).as("attempts that failed without a typed refusal").isEmpty();
			long committed = outcomes.of("committed");
			Map<String, Object> totals = jdbc.queryForMap("select count(*) as records,"
					+ " sum(case when outcome = 'COMPLETED' then 1 else 0 end) as completed"
					+ " from fsm_transition_record where entity_type = 'Job'");
			assertThat(((Number) totals.get("records")).longValue()).as("audit records").isEqualTo(committed);
			assertThat(((Number) totals.get("completed")).longValue()).as("completed records").isEqualTo(committed);
			assertThat(jdbc.queryForObject("select sum(version) from contention_job", Long.class))
				.as("version increments")
				.isEqualTo(committed);
			assertEveryJobIsTheReplayOfItsAuditTrail(jdbc);
			if (mode == Locking.PESSIMISTIC) {
				assertThat(outcomes.of("conflict") + outcomes.of("conflict after retries"))
					.as("conflicts under the row lock")
					.isZero();
			}
			System.out.printf("contention (%s) on %s: %d attempts in %.1f s (%.0f/s), %d committed (%.0f/s), %s%n",
					mode, first.getEnvironment().getProperty("spring.datasource.url", url).replaceAll(";.*", ""),
					outcomes.total(), elapsed, outcomes.total() / elapsed, committed, committed / elapsed, outcomes);
		}
	}

	private ConfigurableApplicationContext start(String url, String ddl, Locking mode) {
		return new SpringApplicationBuilder(ContentionApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.jpa.hibernate.ddl-auto=" + ddl,
					"--fsm.locking.mode=" + mode,
					"--spring.datasource.hikari.maximum-pool-size=" + (THREADS_PER_INSTANCE + 2),
					"--spring.sql.init.mode=never");
	}

	private static void insertJobs(JdbcTemplate jdbc) {
		jdbc.update("delete from fsm_transition_record where entity_type = 'Job'");
		jdbc.update("delete from contention_job");
		List<Object[]> rows = new ArrayList<>();
		for (long id = 1; id <= JOBS; id++) {
			rows.add(new Object[] { id });
		}
		jdbc.batchUpdate("insert into contention_job (id, version, state, runs, owner, poisoned)"
				+ " values (?, 0, 'IDLE', 0, 'system', false)", rows);
	}

	/**
	 * 8 workers per instance share the attempts, until they are done or the time is up.
	 */
	private void run(List<ConfigurableApplicationContext> instances, Attempts outcomes) throws Exception {
		AtomicLong remaining = new AtomicLong(this.attempts);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(this.seconds);
		ExecutorService workers = Executors.newFixedThreadPool(instances.size() * THREADS_PER_INSTANCE);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (ConfigurableApplicationContext instance : instances) {
				Transitions transitions = instance.getBean(Transitions.class);
				JdbcTemplate jdbc = instance.getBean(JdbcTemplate.class);
				for (int i = 0; i < THREADS_PER_INSTANCE; i++) {
					running.add(workers.submit(() -> {
						while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
							attempt(transitions, jdbc, outcomes);
						}
					}));
				}
			}
			for (Future<?> worker : running) {
				worker.get(this.seconds + 60, TimeUnit.SECONDS);
			}
		}
		finally {
			workers.shutdownNow();
			workers.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * One attempt: a random job, a transition allowed from the state just read, fired by
	 * id.
	 */
	private static void attempt(Transitions transitions, JdbcTemplate jdbc, Attempts outcomes) {
		long id = ThreadLocalRandom.current().nextLong(1, JOBS + 1);
		String state = jdbc.queryForObject("select state from contention_job where id = ?", String.class, id);
		List<String> allowed = ALLOWED.get(state);
		String transition = allowed.get(ThreadLocalRandom.current().nextInt(allowed.size()));
		try {
			transitions.fire(EntityRef.of(Job.class, id), transition);
			outcomes.count("committed");
		}
		catch (TransitionNotAllowedException ex) {
			outcomes.count("not allowed");
		}
		catch (ConcurrentTransitionException ex) {
			outcomes.count(ex.getMessage().contains("(gave up after") ? "conflict after retries" : "conflict");
		}
		catch (TransitionLockTimeoutException ex) {
			outcomes.count("lock timeout");
		}
		catch (RuntimeException ex) {
			outcomes.untyped(ex);
		}
	}

	/**
	 * Each job's records, in step order, are numbered 1..n without a gap, each starting
	 * where the one before ended (the first in IDLE); the last ends in the job's state; n
	 * is its version and the starts are its runs.
	 */
	private static void assertEveryJobIsTheReplayOfItsAuditTrail(JdbcTemplate jdbc) {
		Map<Long, List<Map<String, Object>>> records = new HashMap<>();
		jdbc.query("select entity_id, seq_no, transition_name, source_state, target_state from fsm_transition_record"
				+ " where entity_type = 'Job' order by entity_id, seq_no", (row) -> {
					Map<String, Object> record = Map.of("step", row.getLong("seq_no"), "transition",
							row.getString("transition_name"), "source", row.getString("source_state"), "target",
							row.getString("target_state"));
					records.computeIfAbsent(Long.valueOf(row.getString("entity_id")), (id) -> new ArrayList<>())
						.add(record);
				});
		jdbc.query("select id, version, state, runs from contention_job", (row) -> {
			long id = row.getLong("id");
			List<Map<String, Object>> trail = records.getOrDefault(id, List.of());
			String state = "IDLE";
			long starts = 0;
			for (int i = 0; i < trail.size(); i++) {
				Map<String, Object> record = trail.get(i);
				assertThat(record.get("step")).as("step %d of Job#%d", i + 1, id).isEqualTo(i + 1L);
				assertThat(record.get("source")).as("source of step %d of Job#%d", i + 1, id).isEqualTo(state);
				state = (String) record.get("target");
				starts += "start".equals(record.get("transition")) ? 1 : 0;
			}
			assertThat(row.getString("state")).as("state of Job#%d", id).isEqualTo(state);
			assertThat(row.getLong("version")).as("version of Job#%d", id).isEqualTo(trail.size());
			assertThat(row.getLong("runs")).as("runs of Job#%d", id).isEqualTo(starts);
		});
	}

}
