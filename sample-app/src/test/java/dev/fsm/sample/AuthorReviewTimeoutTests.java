package dev.fsm.sample;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;
import dev.fsm.timer.TransitionTimers;

import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report its author leaves in author review for longer than the review period goes back to
 * staff by itself, as the actor {@code system}, and the author gets a mail; a report whose
 * author answered in time is left alone. The clock is moved instead of waiting 30 days.
 */
@SpringBootTest(properties = "fsm.timers.poll-interval=1h")
class AuthorReviewTimeoutTests {

	@Autowired
	Transitions transitions;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	TransitionTimers timers;

	@Autowired
	MovableClock clock;

	@Autowired
	OutboxMailSender outbox;

	@Test
	void aReportLeftInAuthorReviewGoesBackToStaffAfterTheReviewPeriod() {
		CaseReport waiting = sentBack("Waiting for its author");
		this.clock.advance(Duration.ofDays(29));
		CaseReport answered = sentBack("Answered in time");
		assertThat(this.timers.poll()).as("fired before the period ended").isZero();

		this.clock.advance(Duration.ofDays(2));
		int mails = this.outbox.mails().size();
		assertThat(this.timers.poll()).isEqualTo(1);

		CaseReport timedOut = this.reports.findById(waiting.getId()).orElseThrow();
		assertThat(timedOut.getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(timedOut.getStateChangedAt()).isEqualTo(this.clock.instant());
		TransitionRecord last = this.transitions.history(timedOut).get(0);
		assertThat(last.transition()).isEqualTo("authorReviewTimedOut");
		assertThat(last.actor()).isEqualTo("system");
		assertThat(this.reports.findById(answered.getId()).orElseThrow().getState())
			.isEqualTo(ReportState.AUTHOR_REVIEW);
		assertThat(this.outbox.mails()).hasSize(mails + 1);
		assertThat(this.outbox.mails().get(0).to()).containsExactly(DemoUsers.AUTHOR);
		assertThat(this.outbox.mails().get(0).subject())
			.isEqualTo("Your case report went back to staff: Waiting for its author");
	}

	@Test
	void nobodyButTheTimerMayFireTheTimeout() {
		CaseReport report = sentBack("Not for staff to time out");
		assertThat(this.transitions.runAs(user(DemoUsers.STAFF, "STAFF"),
				() -> this.transitions.can(report, "authorReviewTimedOut"))).isFalse();
	}

	private CaseReport sentBack(String title) {
		CaseReport report = this.reports.save(new CaseReport(title, "Findings", DemoUsers.AUTHOR));
		this.transitions.runAs(user(DemoUsers.AUTHOR, "AUTHOR"), () -> this.transitions.on(report).submit());
		this.transitions.runAs(user(DemoUsers.STAFF, "STAFF"), () -> this.transitions.on(report).sendBack());
		return report;
	}

	@TestConfiguration
	static class Time {

		@Bean
		MovableClock clock() {
			return new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
		}

	}

	/** A clock the test moves forward. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now;

		MovableClock(Instant now) {
			this.now = new AtomicReference<>(now);
		}

		void advance(Duration duration) {
			this.now.updateAndGet((instant) -> instant.plus(duration));
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
