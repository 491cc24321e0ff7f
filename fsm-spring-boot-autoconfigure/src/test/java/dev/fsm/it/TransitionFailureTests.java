package dev.fsm.it;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.UnexpectedRollbackException;

import dev.fsm.PostTransitionEvent;
import dev.fsm.TransitionFailedEvent;
import dev.fsm.TransitionNotAllowedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A body that throws: the source state comes back, or the {@code onError} state is kept.
 */
class TransitionFailureTests extends WorkflowTestSupport {

	@Autowired
	EmailRepository emails;

	@Autowired
	TicketRepository tickets;

	@Autowired
	LetterRepository letters;

	@Autowired
	FailedEventListener failedListener;

	@AfterEach
	void healListener() {
		this.failedListener.failWith(null);
	}

	@Test
	void aThrowingBodyRestoresTheSourceStateAndRollsBack() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.transitions.on(ticket).assign(" "))
			.withMessage("nobody to assign");
		assertThat(ticket.getStatus()).isEqualTo("OPEN");
		Ticket saved = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(saved.getStatus()).isEqualTo("OPEN");
		assertThat(saved.getAssignee()).isEqualTo("bob");
		assertThat(saved.getVersion()).isEqualTo(ticket.getVersion());
		TransitionFailedEvent<?> failed = this.events.of(TransitionFailedEvent.class).get(0);
		assertThat(failed.getException()).isInstanceOf(IllegalArgumentException.class).hasMessage("nobody to assign");
		assertThat(failed.getResultingState()).isEqualTo("OPEN");
		assertThat(failed.isMovedToErrorState()).isFalse();
		assertThat(this.events.of(PostTransitionEvent.class)).isEmpty();
		// published after the rollback: no transaction for after-commit listeners
		assertThat(this.events.failedAfterCommit).isEmpty();
	}

	@Test
	void aThrowingBodyInACallersTransactionMarksItRollbackOnly() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		assertThatExceptionOfType(UnexpectedRollbackException.class)
			.isThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
				Ticket loaded = this.tickets.findById(ticket.getId()).orElseThrow();
				assertThatIllegalArgumentException().isThrownBy(() -> this.transitions.on(loaded).assign(" "));
				assertThat(loaded.getStatus()).isEqualTo("OPEN");
				assertThat(status.isRollbackOnly()).isTrue();
			}));
		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getAssignee()).isEqualTo("bob");
	}

	@Test
	void aRefusedTransitionLeavesTheCallersTransactionUsable() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		this.transaction.executeWithoutResult((status) -> {
			Ticket loaded = this.tickets.findById(ticket.getId()).orElseThrow();
			assertThatExceptionOfType(TransitionNotAllowedException.class)
				.isThrownBy(() -> this.transitions.on(loaded).reopen());
			assertThat(status.isRollbackOnly()).isFalse();
			this.transitions.on(loaded).close();
		});
		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getStatus()).isEqualTo("CLOSED");
	}

	@Test
	void onErrorMovesToTheErrorStateAndCommitsItInItsOwnTransaction() {
		Email email = this.emails.save(new Email("alice@example.com"));
		Long version = email.getVersion();
		assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(email).deliver(true))
			.withMessage("SMTP server refused alice@example.com");
		assertThat(email.getState()).isEqualTo("ERROR");
		Email saved = this.emails.findById(email.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo("ERROR");
		assertThat(saved.getVersion()).isEqualTo(version + 1);
		assertThat(email.getVersion()).isEqualTo(saved.getVersion());
		// the body's own changes were rolled back with the transition
		assertThat(saved.getAttempts()).isZero();
		assertThat(this.events.of(PostTransitionEvent.class)).isEmpty();
		TransitionFailedEvent<?> failed = this.events.of(TransitionFailedEvent.class).get(0);
		assertThat(failed.getException()).hasMessage("SMTP server refused alice@example.com");
		assertThat(failed.getSourceState()).isEqualTo("NEW");
		assertThat(failed.getTargetState()).isEqualTo("SENT");
		assertThat(failed.getResultingState()).isEqualTo("ERROR");
		assertThat(failed.isMovedToErrorState()).isTrue();
		assertThat(this.events.failedAfterCommit).hasSize(1);
		// and the entity can go on from there
		this.transitions.on(email).retry();
		assertThat(this.emails.findById(email.getId()).orElseThrow().getState()).isEqualTo("NEW");
	}

	@Test
	void onErrorInACallersTransactionIsWrittenInThatTransactionWithoutTheBodysChanges() {
		Email email = this.emails.save(new Email("alice@example.com"));
		this.transaction.executeWithoutResult((status) -> {
			Email loaded = this.emails.findById(email.getId()).orElseThrow();
			assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(loaded).deliver(true));
			assertThat(loaded.getState()).isEqualTo("ERROR");
			assertThat(loaded.getAttempts()).isZero();
			assertThat(status.isRollbackOnly()).isFalse();
		});
		Email saved = this.emails.findById(email.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo("ERROR");
		assertThat(saved.getAttempts()).isZero();
		assertThat(saved.getVersion()).isEqualTo(email.getVersion() + 1);
	}

	@Test
	void theCallersRollbackDiscardsAnOnErrorStateWrittenInItsTransaction() {
		Email email = this.emails.save(new Email("alice@example.com"));
		this.transaction.executeWithoutResult((status) -> {
			Email loaded = this.emails.findById(email.getId()).orElseThrow();
			assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(loaded).deliver(true));
			status.setRollbackOnly();
		});
		assertThat(this.emails.findById(email.getId()).orElseThrow().getState()).isEqualTo("NEW");
		assertThat(this.events.failedAfterCommit).isEmpty();
	}

	@Test
	void aFailedBodysOtherChangesDoNotComeBackWithTheNextTransition() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.transitions.on(ticket).assign(" "));
		assertThat(ticket.getAssignee()).isEqualTo("bob");
		this.transitions.on(ticket).close();
		Ticket saved = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(saved.getStatus()).isEqualTo("CLOSED");
		assertThat(saved.getAssignee()).isEqualTo("bob");
	}

	@Test
	void anOnErrorBodysRolledBackCounterIsNotStoredByTheNextTransition() {
		Email email = this.emails.save(new Email("alice@example.com"));
		assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(email).deliver(true));
		assertThat(email.getAttempts()).isZero();
		this.transitions.on(email).retry();
		assertThat(this.emails.findById(email.getId()).orElseThrow().getAttempts()).isZero();
	}

	@Test
	void aFailedEventListenerThatThrowsDuringOnErrorLeavesEntityAndRowAsBefore() {
		Email email = this.emails.save(new Email("alice@example.com"));
		this.failedListener.failWith(new IllegalStateException("failed-event listener failed"));
		Throwable thrown = org.assertj.core.api.Assertions
			.catchThrowable(() -> this.transitions.on(email).deliver(true));
		assertThat(thrown).isInstanceOf(IllegalStateException.class)
			.hasMessage("SMTP server refused alice@example.com");
		assertThat(thrown.getSuppressed()).singleElement()
			.satisfies((suppressed) -> assertThat(suppressed).hasMessage("failed-event listener failed"));
		assertThat(List.of(email.getState(), email.getVersion(), email.getAttempts())).containsExactly("NEW", 0L, 0);
		Email saved = this.emails.findById(email.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getVersion(), saved.getAttempts())).containsExactly("NEW", 0L, 0);
		// no false conflict: the instance is retried as it is
		this.failedListener.failWith(null);
		this.transitions.on(email).deliver(false);
		assertThat(this.emails.findById(email.getId()).orElseThrow().getState()).isEqualTo("SENT");
	}

	@Test
	void aPostListenerThatThrowsLeavesTheVersionWhereTheRowIs() {
		Email email = this.emails.save(new Email("alice@example.com"));
		this.events.onPost((event) -> {
			throw new IllegalStateException("post listener failed");
		});
		assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(email).deliver(false));
		assertThat(List.of(email.getState(), email.getVersion(), email.getAttempts())).containsExactly("NEW", 0L, 0);
		this.events.reset();
		this.transitions.on(email).deliver(false);
		assertThat(this.emails.findById(email.getId()).orElseThrow().getVersion()).isEqualTo(1);
	}

	@Test
	void onErrorOnANeverSavedEntityWithAGeneratedIdSavesItInTheErrorState() {
		Email email = new Email("new@example.com");
		Throwable thrown = org.assertj.core.api.Assertions
			.catchThrowable(() -> this.transitions.on(email).deliver(true));
		assertThat(thrown).hasMessage("SMTP server refused new@example.com");
		assertThat(thrown.getSuppressed()).isEmpty();
		assertThat(email.getId()).isNotNull();
		Email saved = this.emails.findById(email.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getAttempts())).containsExactly("ERROR", 0);
		assertThat(this.transitions.history(saved)).singleElement().satisfies((record) -> {
			assertThat(record.outcome()).isEqualTo(dev.fsm.TransitionRecord.Outcome.FAILED);
			assertThat(record.entityId()).isEqualTo(email.getId().toString());
		});
		assertThat(this.events.of(TransitionFailedEvent.class)).singleElement()
			.satisfies((failed) -> assertThat(failed.isMovedToErrorState()).isTrue());
	}

	@Test
	void onErrorOnANeverSavedEntityWithAnAssignedIdRecordsTheRowItCreates() {
		Letter letter = new Letter("L-NEW-" + System.nanoTime(), "ann@example.com");
		assertThatIllegalStateException().isThrownBy(() -> this.transitions.fire(letter, "send", true))
			.withMessage("bounced: ann@example.com (tried)");
		assertThat(letter.getState()).isEqualTo("RETURNED");
		assertThat(letter.getRecipient()).isEqualTo("ann@example.com");
		Letter saved = this.letters.findById(letter.getCode()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getRecipient())).containsExactly("RETURNED", "ann@example.com");
		assertThat(this.transitions.history(saved)).singleElement()
			.satisfies((record) -> assertThat(record.entityId()).isEqualTo(letter.getCode()));
	}

}
