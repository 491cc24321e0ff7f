package dev.fsm.timer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A case report under review: an author who does not answer within the review timeout
 * ({@code timer-test.review-timeout}, 30 days unless set) hands it back to staff. A
 * blocked review refuses the timeout's condition, a failing one throws in its body;
 * {@code escalations} counts the committed timeouts.
 */
@Entity(name = "TimerReview")
@Table(name = "timer_review", indexes = @Index(name = "timer_review_due", columnList = "state, state_changed_at"))
public class Review {

	public enum State {

		DRAFT, AUTHOR_REVIEW, ADMIN_REVIEW, LIVE

	}

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private long version;

	@StateField
	@Enumerated(EnumType.STRING)
	private State state = State.DRAFT;

	@StateChangedAt
	private Instant stateChangedAt;

	private boolean blocked;

	private boolean failing;

	private int escalations;

	@Transition(source = "DRAFT", target = "AUTHOR_REVIEW")
	public void submit() {
	}

	/**
	 * Staff may hand a review back at any time; the timer does it as the configured
	 * actor.
	 */
	@Transition(source = "AUTHOR_REVIEW", target = "ADMIN_REVIEW", after = "${timer-test.review-timeout:P30D}",
			conditions = "!blocked",
			permission = "hasRole('STAFF') or authentication.name == @environment.getProperty('fsm.timers.actor', 'system')")
	public void timeOut() {
		if (this.failing) {
			throw new IllegalStateException("the mail server is down");
		}
		this.escalations++;
	}

	/** A reminder to the author: the state stays, and so does the time it was entered. */
	@Transition(source = "AUTHOR_REVIEW", target = "AUTHOR_REVIEW")
	public void remind() {
	}

	@Transition(source = "ADMIN_REVIEW", target = "LIVE")
	public void publish() {
		if (this.failing) {
			throw new IllegalStateException("the publisher is down");
		}
	}

	public Long getId() {
		return this.id;
	}

	public long getVersion() {
		return this.version;
	}

	public State getState() {
		return this.state;
	}

	public Instant getStateChangedAt() {
		return this.stateChangedAt;
	}

	public void setStateChangedAt(Instant stateChangedAt) {
		this.stateChangedAt = stateChangedAt;
	}

	public boolean isBlocked() {
		return this.blocked;
	}

	public void setBlocked(boolean blocked) {
		this.blocked = blocked;
	}

	/** Makes the bodies of {@code timeOut} and {@code publish} throw. */
	public void setFailing(boolean failing) {
		this.failing = failing;
	}

	public int getEscalations() {
		return this.escalations;
	}

}
