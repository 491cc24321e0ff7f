package dev.fsm.timer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import dev.fsm.EntityRef;
import dev.fsm.PreTransitionEvent;
import dev.fsm.Transitions;
import dev.fsm.engine.TransitionExecutor;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loser of a race, without row locks: another instance times the review out after
 * this one read it and before it saved it. The version check refuses this one's write; it
 * skips the review without a warning, and the review moved once.
 */
@SpringBootTest(classes = TimerApplication.class, properties = "fsm.timers.poll-interval=1h")
@Import(TimerRaceTests.OtherInstance.class)
@ExtendWith(OutputCaptureExtension.class)
class TimerRaceTests {

	@Autowired
	private Transitions transitions;

	@Autowired
	private ReviewRepository reviews;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private OtherInstance otherInstance;

	@Autowired
	private WorkflowRegistry registry;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private TransitionExecutor executor;

	@Test
	void theLoserOfARaceWithoutRowLocksSkipsTheEntitySilently(CapturedOutput output) {
		this.reviews.deleteAll();
		Review review = this.reviews.save(new Review());
		this.transitions.on(review).submit();
		this.clock.advance(Duration.ofDays(31));
		TransitionTimers withoutLocks = new TransitionTimers(this.registry, this.transitions, this.entityManagerFactory,
				this.executor.ownTransactions(), this.clock, "system", 10, TimerCounters.none(), false);
		this.otherInstance.arm(review.getId());
		int logged = output.getOut().length();

		assertThat(withoutLocks.poll()).isZero();

		Review stored = this.reviews.findById(review.getId()).orElseThrow();
		assertThat(stored.getState()).isEqualTo(Review.State.ADMIN_REVIEW);
		assertThat(stored.getVersion()).isEqualTo(2);
		assertThat(stored.getEscalations()).isEqualTo(1);
		assertThat(this.jdbc.queryForList(
				"select actor from fsm_transition_record where entity_type = 'TimerReview'"
						+ " and entity_id = ? and transition_name = 'timeOut'",
				String.class, String.valueOf(review.getId())))
			.containsExactly("other-instance");
		assertThat(output.getOut().substring(logged)).doesNotContain("WARN")
			.doesNotContain("ERROR")
			.doesNotContain("was refused");
		assertThat(withoutLocks.poll()).isZero();
	}

	/**
	 * Times the armed review out in a transaction of its own, while this instance is
	 * about to.
	 */
	static class OtherInstance {

		private final AtomicBoolean armed = new AtomicBoolean();

		private volatile Long review;

		@Autowired
		private Transitions transitions;

		void arm(Long review) {
			this.review = review;
			this.armed.set(true);
		}

		@EventListener
		void before(PreTransitionEvent<?> event) throws Exception {
			if ("system".equals(event.getActor()) && this.armed.compareAndSet(true, false)) {
				// a member of staff hands the review back first
				Authentication staff = UsernamePasswordAuthenticationToken.authenticated("other-instance", null,
						AuthorityUtils.createAuthorityList("ROLE_STAFF"));
				CompletableFuture
					.runAsync(() -> this.transitions.runAs(staff,
							() -> this.transitions.fire(EntityRef.of(Review.class, this.review), "timeOut")))
					.get(10, TimeUnit.SECONDS);
			}
		}

	}

}
