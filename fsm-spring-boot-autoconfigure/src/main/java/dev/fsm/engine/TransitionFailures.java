package dev.fsm.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.TransactionStatus;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionFailedEvent;
import dev.fsm.spi.EntityStore;
import dev.fsm.spi.TransitionRecorder;

/**
 * The one failure path of a transition, whatever failed: puts the caller's instance back as it
 * was (every field, version included), rolls the transaction back or marks it rollback-only,
 * applies {@code onError} when the body threw, publishes {@link TransitionFailedEvent}, and
 * returns what the caller gets. Modelled on the single completion path of Spring's
 * {@code TransactionAspectSupport}.
 */
final class TransitionFailures {

	private final EntityStore store;

	private final ApplicationEventPublisher events;

	private final TransitionTransactions transactions;

	private final List<TransitionRecorder> recorders;

	private final TransitionChecks checks;

	TransitionFailures(EntityStore store, ApplicationEventPublisher events, TransitionTransactions transactions,
			List<TransitionRecorder> recorders, TransitionChecks checks) {
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.recorders = recorders;
		this.checks = checks;
	}

	/**
	 * The one failure path: puts the caller's instance back as it was, ends the transaction,
	 * applies {@code onError}, publishes {@link TransitionFailedEvent} (not for a refusal or a
	 * veto, which changed nothing) and returns what the caller gets.
	 */
	Throwable failed(RunningTransition attempt, TransitionPhase phase, @Nullable TransactionStatus transaction,
			@Nullable EntitySnapshot snapshot, @Nullable StateWrite write, Throwable failure) {
		Throwable reported = (phase.compareTo(TransitionPhase.SAVE) >= 0) ? translate(attempt, failure) : failure;
		undo(snapshot, write, attempt);
		if (phase == TransitionPhase.CHECK || phase == TransitionPhase.PRE_EVENT) {
			this.transactions.release(transaction);
		}
		else {
			Object onError = (phase == TransitionPhase.BODY) ? attempt.route().onError() : null;
			if (onError != null && snapshot != null && write != null) {
				moveToErrorState(attempt, transaction, snapshot, write, onError, reported);
			}
			else {
				if (phase != TransitionPhase.COMMIT) {
					this.transactions.abort(transaction);
				}
				publishFailed(attempt, attempt.entity(), reported, false);
			}
		}
		return reported;
	}

	/**
	 * The body threw: its changes are gone, and the entity moves to the {@code onError} state,
	 * saved and recorded in a transaction of its own, or in the caller's transaction when the
	 * transition joined one (a second transaction on the same row could deadlock). When that
	 * fails too, the entity stays as it was and the failure is added to the body's exception.
	 */
	private void moveToErrorState(RunningTransition attempt, @Nullable TransactionStatus transaction,
			EntitySnapshot snapshot, StateWrite write, Object onError, Throwable reported) {
		boolean own = this.transactions.isOwn(transaction);
		TransactionStatus errorTransaction = transaction;
		if (own) {
			this.transactions.abort(transaction);
			errorTransaction = this.transactions.begin();
		}
		boolean published = false;
		try {
			if (own) {
				this.checks.verifyStoredState(attempt);
			}
			write.write(onError);
			Object saved = this.store.save(attempt.entity(), write.baselineVersion());
			TransitionAttempt moved = attempt.snapshot(saved, attempt.workflowModel().state().name(onError));
			this.recorders.forEach((recorder) -> recorder.movedToErrorState(moved));
			published = true;
			publishFailed(attempt, saved, reported, true);
			if (own) {
				this.transactions.commit(errorTransaction);
			}
		}
		catch (RuntimeException | Error ex) {
			undo(snapshot, write, attempt);
			if (own) {
				this.transactions.rollbackIfActive(errorTransaction);
			}
			else {
				this.transactions.abort(transaction);
			}
			reported.addSuppressed(translate(attempt, ex));
			if (!published) {
				publishFailed(attempt, attempt.entity(), reported, false);
			}
		}
	}

	/** The caller's instance as before the transition: every field, and the state the engine expects. */
	private static void undo(@Nullable EntitySnapshot snapshot, @Nullable StateWrite write, RunningTransition attempt) {
		if (snapshot != null) {
			snapshot.restore();
		}
		if (write != null) {
			write.adopt(attempt.sourceValue());
		}
	}

	/**
	 * Publishes the failed event; a listener that throws does not replace the transition's
	 * failure, it is added to it.
	 */
	private void publishFailed(RunningTransition attempt, Object entity, Throwable failure,
			boolean movedToErrorState) {
		String resulting = String.valueOf(attempt.workflowModel().state().getName(attempt.entity()));
		TransitionFailedEvent<?> event = new TransitionFailedEvent<>(attempt.snapshot(entity), failure, resulting,
				movedToErrorState);
		if (movedToErrorState) {
			// in the onError transaction: a listener that throws rolls the move back
			this.events.publishEvent(event);
			return;
		}
		try {
			this.events.publishEvent(event);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	private Throwable translate(RunningTransition attempt, Throwable failure) {
		if (!(failure instanceof ConcurrentTransitionException) && this.store.isConcurrencyFailure(failure)) {
			return TransitionErrors.conflict(attempt, failure);
		}
		return failure;
	}

}
