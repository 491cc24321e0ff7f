package dev.fsm.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

import dev.fsm.IllegalStateChangeException;
import dev.fsm.TransitionCompleted;
import dev.fsm.TransitionDeniedException;
import dev.fsm.Transitions;
import dev.fsm.test.MutableClock;
import dev.fsm.timer.Review.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Timed transitions and {@code @StateChangedAt} in one application: the clock is moved,
 * and the timers polled, by the tests (the schedule's first poll is an hour away).
 * Batches of two, so that a poll reads several pages.
 */
@SpringBootTest(classes = TimerApplication.class,
		properties = { "fsm.timers.poll-interval=1h", "fsm.timers.batch-size=2" })
@ExtendWith(OutputCaptureExtension.class)
class TimedTransitionTests {

	private static final Duration TIMEOUT = Duration.ofDays(30);

	private static final String ROUTE = "TimerReview.state.timeOut after PT720H in [AUTHOR_REVIEW]";

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
	private TimerApplication.Events events;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void startClean() {
		this.reviews.deleteAll();
		this.jdbc.update("delete from fsm_transition_record where entity_type = 'TimerReview'");
		this.meters.clear();
	}

	@Test
	void persistingSetsStateChangedAtAndEveryStateChangeMovesIt() {
		Instant created = this.clock.instant();
		Review review = this.reviews.save(new Review());
		assertThat(review.getStateChangedAt()).isEqualTo(created);
		assertThat(stored(review).getStateChangedAt()).isEqualTo(created);

		Instant submitted = this.clock.advance(Duration.ofHours(1));
		this.transitions.on(review).submit();
		assertThat(review.getStateChangedAt()).isEqualTo(submitted);
		assertThat(stored(review).getStateChangedAt()).isEqualTo(submitted);

		this.clock.advance(Duration.ofHours(1));
		this.transitions.on(review).remind();
		assertThat(stored(review).getVersion()).isEqualTo(2);
		assertThat(stored(review).getStateChangedAt()).as("a self-loop leaves the state, and when it was entered")
			.isEqualTo(submitted);

		Instant forced = this.clock.advance(Duration.ofHours(1));
		this.transitions.forceState(review, "ADMIN_REVIEW", "repair");
		assertThat(stored(review).getStateChangedAt()).isEqualTo(forced);
	}

	@Test
	void aNewEntityKeepsTheTimeItWasGiven() {
		Review imported = new Review();
		imported.setStateChangedAt(Instant.parse("2020-05-01T10:00:00Z"));
		this.reviews.save(imported);
		assertThat(stored(imported).getStateChangedAt()).isEqualTo(Instant.parse("2020-05-01T10:00:00Z"));
	}

	@Test
	void aFailedTransitionPutsTheTimeBackWithTheState() {
		Review review = this.reviews.save(new Review());
		Instant forced = this.clock.advance(Duration.ofHours(1));
		this.transitions.forceState(review, "ADMIN_REVIEW", "test");
		review = stored(review);
		review.setFailing(true);
		review = this.reviews.save(review);
		this.clock.advance(Duration.ofHours(1));

		Review failing = review;
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.transitions.on(failing).publish())
			.withMessage("the publisher is down");
		assertThat(failing.getState()).isEqualTo(State.ADMIN_REVIEW);
		assertThat(failing.getStateChangedAt()).isEqualTo(forced);
		assertThat(stored(failing).getState()).isEqualTo(State.ADMIN_REVIEW);
		assertThat(stored(failing).getStateChangedAt()).isEqualTo(forced);
	}

	@Test
	void theTimeMayBeWrittenDirectlyButTheStateMayNot() {
		Review review = this.reviews.save(new Review());
		review.setStateChangedAt(Instant.parse("2025-12-01T00:00:00Z"));
		review = this.reviews.save(review);
		assertThat(stored(review).getStateChangedAt()).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));

		ReflectionTestUtils.setField(review, "state", State.LIVE);
		Review changed = review;
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> this.reviews.save(changed))
			.withMessageStartingWith("Review#" + review.getId() + ": the state field 'state' of workflow"
					+ " 'TimerReview.state' was changed from 'DRAFT' to 'LIVE' without a transition");
		assertThat(stored(review).getState()).isEqualTo(State.DRAFT);
	}

	@Test
	void firesADueTransitionOnceAsTheSystemActorWithEventsAndAnAuditRecord() {
		Review review = submitted();
		long version = stored(review).getVersion();
		this.events.published.clear();
		this.events.completed.clear();

		this.clock.advance(TIMEOUT.minusSeconds(1));
		assertThat(this.timers.poll()).isZero();
		assertThat(stored(review).getState()).isEqualTo(State.AUTHOR_REVIEW);

		Instant due = this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.timers.poll()).isEqualTo(1);
		Review fired = stored(review);
		assertThat(fired.getState()).isEqualTo(State.ADMIN_REVIEW);
		assertThat(fired.getVersion()).isEqualTo(version + 1);
		assertThat(fired.getStateChangedAt()).isEqualTo(due);
		assertThat(fired.getEscalations()).isEqualTo(1);
		assertThat(auditTrail(review)).containsExactly("submit DRAFT->AUTHOR_REVIEW by anonymous COMPLETED",
				"timeOut AUTHOR_REVIEW->ADMIN_REVIEW by system COMPLETED");
		assertThat(this.events.published).containsExactly("Pre timeOut by system", "Post timeOut by system",
				"Completed timeOut by system");
		assertThat(this.events.completed)
			.containsExactly(new TransitionCompleted("TimerReview", String.valueOf(review.getId()), "TimerReview.state",
					"timeOut", "AUTHOR_REVIEW", "ADMIN_REVIEW", "system", due, Map.of()));
		assertThat(this.meters.get("fsm.timer.fired").tag("transition", "timeOut").counter().count()).isEqualTo(1);
		assertThat(this.jdbc
			.queryForObject(
					"select occurred_at from fsm_transition_record where entity_type ="
							+ " 'TimerReview' and entity_id = ? and transition_name = 'timeOut'",
					java.sql.Timestamp.class, String.valueOf(review.getId()))
			.toInstant()).as("the audit trail's time comes from the clock too").isEqualTo(due);

		this.clock.advance(TIMEOUT);
		assertThat(this.timers.poll()).as("fired once, never again").isZero();
		assertThat(auditTrail(review)).hasSize(2);
	}

	@Test
	void aRefusedConditionStaysDueIsRetriedAtEachPollAndIsLoggedOncePerPoll(CapturedOutput output) {
		// the two blocked reviews are the oldest: the first page holds only them
		Review blocked = blocked(submitted());
		this.clock.advance(Duration.ofMinutes(1));
		Review alsoBlocked = blocked(submitted());
		this.clock.advance(Duration.ofMinutes(1));
		Review free = submitted();
		long blockedVersion = stored(blocked).getVersion();

		this.clock.advance(TIMEOUT);
		assertThat(this.timers.poll()).isEqualTo(1);
		assertThat(stored(free).getState()).isEqualTo(State.ADMIN_REVIEW);
		assertThat(stored(blocked).getState()).isEqualTo(State.AUTHOR_REVIEW);
		assertThat(stored(blocked).getVersion()).isEqualTo(blockedVersion);
		assertThat(stored(alsoBlocked).getState()).isEqualTo(State.AUTHOR_REVIEW);
		assertThat(refusals()).isEqualTo(2);
		assertThat(refusalLines(output)).containsExactly("Timed transition " + ROUTE + " was refused on 2 entities,"
				+ " which stay due and are tried again at the next poll; the first: Transition 'timeOut' is not allowed on"
				+ " Review#" + blocked.getId() + " in state 'AUTHOR_REVIEW': condition not met: !blocked");

		assertThat(this.timers.poll()).isZero();
		assertThat(refusals()).isEqualTo(4);
		assertThat(refusalLines(output)).hasSize(2);

		Review unblocked = stored(alsoBlocked);
		unblocked.setBlocked(false);
		this.reviews.save(unblocked);
		assertThat(this.timers.poll()).isEqualTo(1);
		assertThat(stored(alsoBlocked).getState()).isEqualTo(State.ADMIN_REVIEW);
		assertThat(refusals()).isEqualTo(5);
		assertThat(auditTrail(blocked)).containsExactly("submit DRAFT->AUTHOR_REVIEW by anonymous COMPLETED");
	}

	@Test
	void anEntityThatLeftItsStateIsNotDue() {
		Review review = submitted();
		this.clock.advance(Duration.ofDays(10));
		this.transitions.forceState(review, "DRAFT", "back to the author");
		this.transitions.forceState(review, "AUTHOR_REVIEW", "and again");
		this.clock.advance(Duration.ofDays(25));
		assertThat(this.timers.poll()).as("in its state for 25 days only").isZero();
		this.clock.advance(Duration.ofDays(5));
		assertThat(this.timers.poll()).isEqualTo(1);
	}

	@Test
	void aTimedTransitionWhoseBodyFailsStaysDueAndIsLoggedWithItsException(CapturedOutput output) {
		Review review = submitted();
		Review failing = stored(review);
		failing.setFailing(true);
		this.reviews.save(failing);
		long version = stored(review).getVersion();
		this.clock.advance(TIMEOUT);

		assertThat(this.timers.poll()).isZero();
		assertThat(this.timers.poll()).isZero();

		assertThat(stored(review).getState()).isEqualTo(State.AUTHOR_REVIEW);
		assertThat(stored(review).getVersion()).isEqualTo(version);
		assertThat(this.meters.get("fsm.timer.failed")
			.tags("transition", "timeOut", "exception", "IllegalStateException")
			.counter()
			.count()).isEqualTo(2);
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains(" WARN ") && line.endsWith("Timed transition " + ROUTE
					+ " failed on Review#" + review.getId() + "; it stays due and is tried again at the next poll")))
			.hasSize(2);
		assertThat(output.getOut()).contains("java.lang.IllegalStateException: the mail server is down");
	}

	@Test
	void aStoppingScheduleEndsThePollAfterTheEntityItIsFiring() {
		submitted();
		submitted();
		submitted();
		this.clock.advance(TIMEOUT);
		java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

		assertThat(this.timers.poll(() -> asked.incrementAndGet() > 2)).isEqualTo(2);
		assertThat(this.reviews.findAll()).extracting(Review::getState)
			.containsExactlyInAnyOrder(State.ADMIN_REVIEW, State.ADMIN_REVIEW, State.AUTHOR_REVIEW);
		assertThat(this.timers.poll()).isEqualTo(1);
	}

	@Test
	void onlyStaffAndTheTimerMayTimeAReviewOut() {
		Review review = submitted();
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.on(review).timeOut());
		this.transitions.runAs("system", () -> {
			this.transitions.on(review).timeOut();
			return null;
		});
		assertThat(stored(review).getState()).isEqualTo(State.ADMIN_REVIEW);
	}

	private Review submitted() {
		Review review = this.reviews.save(new Review());
		this.transitions.on(review).submit();
		return review;
	}

	private Review blocked(Review review) {
		Review stored = stored(review);
		stored.setBlocked(true);
		return this.reviews.save(stored);
	}

	private Review stored(Review review) {
		return this.reviews.findById(review.getId()).orElseThrow();
	}

	private double refusals() {
		return this.meters.get("fsm.timer.refused")
			.tags("workflow", "TimerReview.state", "transition", "timeOut", "reason", "TransitionConditionException")
			.counter()
			.count();
	}

	private static List<String> refusalLines(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains("was refused on"))
			.map((line) -> line.substring(line.indexOf("Timed transition")))
			.toList();
	}

	private List<String> auditTrail(Review review) {
		return this.jdbc
			.queryForList("select transition_name, source_state, target_state, actor, outcome"
					+ " from fsm_transition_record where entity_type = 'TimerReview' and entity_id = ? order by seq_no",
					String.valueOf(review.getId()))
			.stream()
			.map((row) -> row.get("transition_name") + " " + row.get("source_state") + "->" + row.get("target_state")
					+ " by " + row.get("actor") + " " + row.get("outcome"))
			.toList();
	}

}
