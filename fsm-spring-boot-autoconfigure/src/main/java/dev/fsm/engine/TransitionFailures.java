package dev.fsm.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.TransactionStatus;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionFailedEvent;
import dev.fsm.Transitions;
import dev.fsm.engine.TransitionTransactions.Ending;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.spi.EntityStore;
import dev.fsm.spi.TransitionRecorder;

/**
 * The one failure path of a transition, whatever failed: puts the caller's instance back
 * as it was (every field, version included), rolls the transaction back or marks it
 * rollback-only, applies {@code onError} when the body threw, publishes
 * {@link TransitionFailedEvent}, and returns what the caller gets. Modelled on the single
 * completion path of Spring's {@code TransactionAspectSupport}.
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
	 * The one failure path: puts the caller's instance back as it was, ends the
	 * transaction, applies {@code onError}, publishes {@link TransitionFailedEvent} (not
	 * for a refusal or a veto, which changed nothing) and returns what the caller gets.
	 */
	Throwable failed(RunningTransition attempt, @Nullable TransactionStatus transaction, Throwable failure) {
		TransitionPhase phase = attempt.phase();
		Throwable reported = (phase.compareTo(TransitionPhase.SAVE) >= 0) ? translate(attempt, failure) : failure;
		attempt.undo();
		if (phase == TransitionPhase.CHECK || phase == TransitionPhase.PRE_EVENT) {
			this.transactions.end(transaction, Ending.RELEASE);
			return reported;
		}
		Object onError = (phase == TransitionPhase.BODY) ? attempt.route().onError() : null;
		StateWrite write = attempt.write();
		if (onError != null && write != null) {
			boolean own = TransitionTransactions.isOwn(transaction);
			if (own) {
				this.transactions.end(transaction, Ending.ABORT);
			}
			return moveToErrorState(attempt, write, onError, own, reported);
		}
		else {
			this.transactions.end(transaction, Ending.ABORT);
			publishFailed(attempt, attempt.entity(), reported, false);
		}
		return reported;
	}

	/**
	 * The body threw: its changes are gone, and the entity moves to the {@code onError}
	 * state, saved and recorded in a transaction of its own, or in the caller's
	 * transaction when the transition joined one (a second transaction on the same row
	 * could deadlock). When that fails too, the entity stays as it was and the failure is
	 * added to the body's exception.
	 * @return the body's exception
	 */
	private Throwable moveToErrorState(RunningTransition attempt, StateWrite write, Object onError, boolean own,
			Throwable reported) {
		try {
			this.transactions.run(new TransitionTransactions.Unit<Object>() {

				private boolean published;

				@Override
				public @Nullable Object run(@Nullable TransactionStatus status) {
					if (own) {
						TransitionFailures.this.checks.verifyStoredState(attempt);
					}
					write.write(onError);
					Object saved = TransitionFailures.this.store.save(attempt.entity(), write.baselineVersion());
					TransitionAttempt moved = attempt.snapshot(saved, attempt.workflowModel().state().name(onError));
					TransitionFailures.this.recorders.forEach((recorder) -> recorder.movedToErrorState(moved));
					this.published = true;
					publishFailed(attempt, saved, reported, true);
					return null;
				}

				@Override
				public Throwable failed(@Nullable TransactionStatus status, Throwable failure) {
					attempt.undo();
					TransitionFailures.this.transactions.end(status, Ending.ABORT);
					reported.addSuppressed(translate(attempt, failure));
					if (!this.published) {
						publishFailed(attempt, attempt.entity(), reported, false);
					}
					return reported;
				}

			});
		}
		catch (Throwable ex) {
			return ex; // the body's exception, with the failure to move added
		}
		return reported;
	}

	/**
	 * Publishes the failed event; a listener that throws does not replace the
	 * transition's failure, it is added to it.
	 */
	private void publishFailed(RunningTransition attempt, Object entity, Throwable failure, boolean movedToErrorState) {
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

	/**
	 * The failure path of a forced state: the caller's instance as it was, the
	 * transaction rolled back (a joined one marked rollback-only), a lost race reported
	 * as {@link ConcurrentTransitionException}; no event, as a forced state publishes
	 * none.
	 * @param source the state before, {@code null} when it was NULL
	 */
	Throwable forced(WorkflowModel workflow, Object entity, @Nullable String source, EntitySnapshot before,
			@Nullable TransactionStatus transaction, Throwable failure) {
		before.restore();
		this.transactions.end(transaction, Ending.ABORT);
		if (isLostRace(failure)) {
			Class<?> type = workflow.entityType();
			Object id = this.store.idOf(entity);
			return TransitionErrors.conflict(type, id, TransitionErrors.entity(this.store, type, id),
					Transitions.FORCED, source, failure);
		}
		return failure;
	}

	private Throwable translate(RunningTransition attempt, Throwable failure) {
		return isLostRace(failure) ? TransitionErrors.conflict(attempt, failure) : failure;
	}

	/** An optimistic locking failure of the store not reported as one of ours yet. */
	private boolean isLostRace(Throwable failure) {
		return !(failure instanceof ConcurrentTransitionException) && this.store.isConcurrencyFailure(failure);
	}

}
