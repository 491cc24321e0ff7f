package dev.fsm.timer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.Transitions;
import dev.fsm.test.MutableClock;
import dev.fsm.test.StatementLog;
import dev.fsm.timer.Review.State;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a poll claims the due entities, statement by statement: one claim per firing, which
 * skips a row another transaction (another instance) holds instead of trying it, and no
 * second read of the row; the same statement at every claim. Runs on H2 and, in the
 * database profiles, on PostgreSQL and MariaDB.
 */
@SpringBootTest(classes = TimerApplication.class, properties = "fsm.timers.poll-interval=1h")
@Import(StatementLog.class)
class TimerClaimTests {

	private static final Duration TIMEOUT = Duration.ofDays(30);

	@Autowired
	private Transitions transitions;

	@Autowired
	private ReviewRepository reviews;

	@Autowired
	private TransitionTimers timers;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private StatementLog statements;

	@BeforeEach
	void startClean() {
		this.reviews.deleteAll();
		this.jdbc.update("delete from fsm_transition_record where entity_type = 'TimerReview'");
	}

	@Test
	void aRowAnotherInstanceHoldsIsSkippedWithoutAClaimOfItsOwnAndFiredAtTheNextPoll() throws Exception {
		assertThat(this.timers.claimsWithSkipLocked()).isTrue();
		Review held = submitted();
		List<Review> free = List.of(submitted(), submitted(), submitted());
		this.clock.advance(TIMEOUT);
		this.statements.clear();

		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		TransactionTemplate otherInstance = new TransactionTemplate(this.transactionManager);
		otherInstance.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> otherInstance.executeWithoutResult((s) -> {
			this.jdbc.queryForList("select id from timer_review where id = ? for update", held.getId());
			locked.countDown();
			await(release);
		}));
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
		this.statements.clear();
		int fired;
		try {
			fired = this.timers.poll();
		}
		finally {
			release.countDown();
			holding.get(10, TimeUnit.SECONDS);
		}
		List<String> selects = selects();

		assertThat(fired).isEqualTo(3);
		assertThat(stored(held).getState()).isEqualTo(State.AUTHOR_REVIEW);
		assertThat(stored(held).getVersion()).isEqualTo(1);
		assertThat(free).allSatisfy((review) -> assertThat(stored(review).getState()).isEqualTo(State.ADMIN_REVIEW));
		assertThat(selects.stream().filter(TimerClaimTests::isClaim))
			.as("one claim per firing: the held row was skipped by the claim that took the next")
			.hasSize(3)
			.allSatisfy((sql) -> assertThat(sql).contains("skip locked"));
		assertThat(selects).as("the page, then the claims, each of which is the row's only read").hasSize(4);

		this.statements.clear();
		assertThat(this.timers.poll()).as("no longer held: fired at the next poll").isEqualTo(1);
		assertThat(stored(held).getState()).isEqualTo(State.ADMIN_REVIEW);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from fsm_transition_record where entity_type = 'TimerReview' and transition_name = 'timeOut'",
				Long.class))
			.isEqualTo(4);
	}

	@Test
	void everyClaimIsTheSameStatementHoweverFewEntitiesAreLeft() {
		for (int i = 0; i < 11; i++) {
			submitted();
		}
		this.clock.advance(TIMEOUT);
		this.statements.clear();

		assertThat(this.timers.poll()).isEqualTo(11);

		List<String> claims = selects().stream().filter(TimerClaimTests::isClaim).toList();
		assertThat(claims).as("one claim per firing").hasSize(11);
		assertThat(claims.stream().distinct()).as("one statement, prepared once by the database").hasSize(1);
	}

	@Test
	void aFiringThatFailsLeavesTheOthersCommittedAndStaysDue() {
		Review first = submitted();
		Review failing = submitted();
		Review last = submitted();
		Review stored = stored(failing);
		stored.setFailing(true);
		this.reviews.save(stored);
		long version = stored(failing).getVersion();
		this.clock.advance(TIMEOUT);

		assertThat(this.timers.poll()).isEqualTo(2);

		assertThat(stored(first).getState()).isEqualTo(State.ADMIN_REVIEW);
		assertThat(stored(last).getState()).isEqualTo(State.ADMIN_REVIEW);
		assertThat(stored(failing).getState()).isEqualTo(State.AUTHOR_REVIEW);
		assertThat(stored(failing).getVersion()).isEqualTo(version);
		assertThat(this.timers.poll()).as("still due, tried again, failing again").isZero();
		assertThat(stored(failing).getVersion()).isEqualTo(version);
	}

	/** The statements that read the reviews' table. */
	private List<String> selects() {
		return this.statements.touching("timer_review").stream().filter((sql) -> sql.startsWith("select")).toList();
	}

	/**
	 * Whether the statement is a claim: it loads a due review (the page reads ids only).
	 */
	private static boolean isClaim(String sql) {
		return sql.contains(".version") && sql.contains("state_changed_at<=");
	}

	private Review submitted() {
		Review review = this.reviews.save(new Review());
		this.transitions.on(review).submit();
		return review;
	}

	private Review stored(Review review) {
		return this.reviews.findById(review.getId()).orElseThrow();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
