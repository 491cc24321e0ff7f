package dev.fsm.timer;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.test.StatementLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances (two Spring contexts, each with its own scheduler, engine and
 * connection pool) polling one database every 50 ms for the same 500 due reviews: each
 * review times out exactly once. On PostgreSQL and MariaDB the instances claim rows with
 * {@code FOR UPDATE SKIP LOCKED}, as Hibernate's dialect for H2 2 does
 * ({@link TimerRaceTests} shows the version check that protects databases without it).
 */
class TwoInstancesTimerTests {

	private static final int REVIEWS = 500;

	@Test
	void twoInstancesPollingAtOnceFireEachDueTransitionExactlyOnce() throws Exception {
		String url = System.getProperty("spring.datasource.url",
				"jdbc:h2:mem:timers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		try (ConfigurableApplicationContext first = start(url, "create-drop", "timer-a")) {
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			insertDueReviews(jdbc);
			long started = System.nanoTime();
			try (ConfigurableApplicationContext second = start(url, "none", "timer-b")) {
				waitUntilNoneIsDue(jdbc, Duration.ofMinutes(3));
				double elapsed = (System.nanoTime() - started) / 1e9;
				Thread.sleep(200); // a few more polls of both: nothing fires twice

				List<Map<String, Object>> perReview = jdbc.queryForList("select entity_id, count(*) as fired"
						+ " from fsm_transition_record where entity_type = 'TimerReview' and transition_name = 'timeOut'"
						+ " group by entity_id having count(*) <> 1");
				assertThat(perReview).as("reviews not timed out exactly once").isEmpty();
				assertThat(
						jdbc.queryForObject(
								"select count(*) from fsm_transition_record"
										+ " where entity_type = 'TimerReview' and transition_name = 'timeOut'",
								Long.class))
					.isEqualTo(REVIEWS);
				assertThat(jdbc.queryForObject("select count(*) from timer_review where state = 'ADMIN_REVIEW'"
						+ " and version = 1 and escalations = 1", Long.class))
					.as("reviews moved once, version + 1, body run once")
					.isEqualTo(REVIEWS);
				long byFirst = actorRecords(jdbc, "timer-a");
				long bySecond = actorRecords(jdbc, "timer-b");
				assertThat(byFirst + bySecond).isEqualTo(REVIEWS);
				assertThat(fired(first) + fired(second)).isEqualTo(REVIEWS);

				boolean skipLocked = first.getBean(TransitionTimers.class).claimsWithSkipLocked();
				assertThat(skipLocked).as("H2 2, PostgreSQL and MariaDB 10.6+ skip locked rows").isTrue();
				List<String> claims = first.getBean(StatementLog.class)
					.touching("timer_review")
					.stream()
					.filter((sql) -> sql.startsWith("select") && sql.matches("(?s).*\\.id in ?\\(.*"))
					.toList();
				assertThat(claims).isNotEmpty()
					.allSatisfy((sql) -> assertThat(sql.contains("skip locked")).as(sql).isEqualTo(skipLocked));
				System.out.printf(
						"timers on %s: %d reviews timed out in %.1f s (%.0f/s) by two instances (%d + %d),"
								+ " claims with %s, %d claims by the first%n",
						first.getEnvironment().getProperty("spring.datasource.url", url).replaceAll(";.*", ""), REVIEWS,
						elapsed, REVIEWS / elapsed, byFirst, bySecond,
						skipLocked ? "FOR UPDATE SKIP LOCKED" : "the version check", claims.size());
			}
		}
	}

	private ConfigurableApplicationContext start(String url, String ddl, String actor) {
		return new SpringApplicationBuilder(TimerApplication.class, Statements.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.jpa.hibernate.ddl-auto=" + ddl,
					"--spring.sql.init.mode=never", "--fsm.timers.poll-interval=50ms", "--fsm.timers.batch-size=50",
					"--fsm.timers.actor=" + actor);
	}

	private static void insertDueReviews(JdbcTemplate jdbc) {
		jdbc.update("delete from fsm_transition_record where entity_type = 'TimerReview'");
		jdbc.update("delete from timer_review");
		Timestamp longAgo = Timestamp.from(TimerApplication.START.minus(Duration.ofDays(31)));
		List<Object[]> rows = new ArrayList<>();
		for (long id = 1; id <= REVIEWS; id++) {
			rows.add(new Object[] { id, longAgo });
		}
		jdbc.batchUpdate("insert into timer_review (id, version, state, state_changed_at, blocked, failing,"
				+ " escalations) values (?, 0, 'AUTHOR_REVIEW', ?, false, false, 0)", rows);
	}

	private static void waitUntilNoneIsDue(JdbcTemplate jdbc, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (jdbc.queryForObject("select count(*) from timer_review where state = 'AUTHOR_REVIEW'", Long.class) > 0) {
			assertThat(System.nanoTime()).as("all reviews timed out within %s", timeout).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static long actorRecords(JdbcTemplate jdbc, String actor) {
		return jdbc.queryForObject("select count(*) from fsm_transition_record where entity_type = 'TimerReview'"
				+ " and transition_name = 'timeOut' and actor = ?", Long.class, actor);
	}

	private static long fired(ConfigurableApplicationContext instance) {
		return (long) instance.getBean(MeterRegistry.class).get("fsm.timer.fired").counter().count();
	}

	@Configuration(proxyBeanMethods = false)
	static class Statements {

		@Bean
		static StatementLog statementLog() {
			return new StatementLog();
		}

	}

}
