package dev.fsm.engine;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionContext;
import dev.fsm.TransitionContextHolder;
import dev.fsm.TransitionFailedEvent;
import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.StateAccessor;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;

/**
 * Runs one transition in the documented order: transaction; source state, conditions,
 * permission; pre-transition event; state := target; body; save and flush; recorders;
 * post-transition event; commit.
 * <p>
 * Every failure goes through {@link #failed}: the caller's instance is put back as it was
 * (every field, version included), the transaction is rolled back or marked rollback-only,
 * and, when the body threw and the transition declares {@code onError}, the entity moves to
 * that state in a transaction of its own (or the caller's).
 * <p>
 * Public because the auto-configuration creates it; what it does is package-private.
 */
public final class TransitionExecutor {

	/** How far an attempt got; decides how a failure is handled. */
	private enum Phase {

		/** Source state, conditions, permission: a refusal; nothing changed. */
		CHECK,

		/** A pre-transition listener vetoed: nothing changed. */
		PRE_EVENT,

		/** The body (or the target it chose) failed: {@code onError} applies. */
		BODY,

		/** Save, flush, recorders or a post-transition listener failed. */
		SAVE,

		/** The commit failed; the transaction manager has rolled back already. */
		COMMIT

	}

	private final EntityStore store;

	private final ActorProvider actors;

	private final ApplicationEventPublisher events;

	private final TransitionTransactions transactions;

	private final TransitionObserver observer;

	private final List<TransitionRecorder> recorders;

	private final StateOverride overrides;

	public TransitionExecutor(EntityStore store, ActorProvider actors, ApplicationEventPublisher events,
			@Nullable PlatformTransactionManager transactionManager,
			TransitionObserver observer, List<TransitionRecorder> recorders) {
		this.store = store;
		this.actors = actors;
		this.events = events;
		this.transactions = new TransitionTransactions(transactionManager);
		this.observer = observer;
		this.recorders = List.copyOf(recorders);
		this.overrides = new StateOverride(store, actors, this.transactions, this.recorders);
	}

	/**
	 * Sets the state of {@code entity} without a transition ({@code Transitions.forceState}).
	 * @throws IllegalArgumentException when {@code state} is no state of the workflow
	 */
	void forceState(WorkflowModel workflow, Object entity, String state, String reason) {
		this.overrides.force(workflow, entity, state, reason);
	}

	/**
	 * Fires {@code transition} on {@code entity}.
	 * @param entity the entity, possibly a persistence proxy
	 * @param invocationTarget the object the method runs on: the entity or the flow bean
	 * @param arguments the full method arguments; for a flow bean the entity argument is
	 * replaced by the entity behind a proxy
	 * @param body runs the transition method
	 * @return what the method returned
	 */
	@Nullable Object execute(TransitionModel transition, Object entity, Object invocationTarget,
			@Nullable Object[] arguments, Body body) throws Throwable {
		Object target = this.store.unproxy(entity);
		if (transition.isDeclaredOnBean()) {
			arguments[transition.entityParameterIndex()] = target;
		}
		RunningTransition attempt = new RunningTransition(transition, target, arguments, this.actors.currentActor(),
				this.store);
		return this.observer.observe(attempt.snapshot(), new TransitionObserver.Execution() {

			@Override
			public @Nullable Object proceed() throws Throwable {
				return run(attempt, invocationTarget, body);
			}

			@Override
			public TransitionAttempt attempt() {
				return attempt.snapshot();
			}

		});
	}

	private @Nullable Object run(RunningTransition attempt, Object invocationTarget, Body body) throws Throwable {
		TransactionStatus transaction = this.transactions.begin();
		Phase phase = Phase.CHECK;
		EntitySnapshot snapshot = null;
		StateWrite write = null;
		try {
			RouteModel route = check(attempt, invocationTarget);
			phase = Phase.PRE_EVENT;
			snapshot = EntitySnapshot.of(attempt.entity());
			TransitionAttempt checked = attempt.snapshot();
			this.events.publishEvent(new PreTransitionEvent<>(checked));
			this.recorders.forEach((recorder) -> recorder.starting(checked));
			phase = Phase.BODY;
			write = new StateWrite(attempt.entity(), attempt.workflowModel(), this.store::idOf, attempt.sourceValue(),
					this.store.versionOf(attempt.entity()));
			StateWrites.enter(write);
			Object result = runBody(attempt, route, write, body);
			phase = Phase.SAVE;
			TransitionAttempt completed = attempt.snapshot(this.store.save(attempt.entity(), write.baselineVersion()));
			this.recorders.forEach((recorder) -> recorder.completed(completed));
			this.events.publishEvent(new PostTransitionEvent<>(completed, result));
			phase = Phase.COMMIT;
			this.transactions.commit(transaction);
			StateWrites.completed(write, this.store.versionOf(attempt.entity()));
			return result;
		}
		catch (Throwable failure) {
			throw failed(attempt, phase, transaction, snapshot, write, failure);
		}
		finally {
			if (write != null) {
				StateWrites.exit(write);
			}
		}
	}

	/**
	 * The source state (a state of the workflow, still the one stored), the conditions and the
	 * permission: nothing changes yet.
	 */
	private RouteModel check(RunningTransition attempt, Object invocationTarget) {
		TransitionModel transition = attempt.model();
		WorkflowModel workflow = attempt.workflowModel();
		StateAccessor state = workflow.state();
		Object source = CurrentStates.require(workflow, attempt.entity(), this.store);
		attempt.setSource(source, state.name(source));
		RouteModel route = transition.routeFor(source);
		if (route == null) {
			throw TransitionErrors.notAllowed(attempt);
		}
		attempt.setRoute(route);
		attempt.setTargetState(route.targetName(source, state));
		verifyStoredState(attempt);
		GuardInput input = new GuardInput(attempt.entity(), transition.method(), invocationTarget,
				attempt.rawArguments(), transition.parameterNames(), state.name(source), attempt.targetState());
		GuardVerdict verdict = GuardEvaluator.evaluate(route, input, true, true, null);
		switch (verdict.status()) {
			case CONDITIONS_FAILED -> throw TransitionErrors.conditionsFailed(attempt, verdict.reasons());
			case DENIED -> throw TransitionErrors.denied(attempt, verdict.reasons().get(0));
			case GUARD_FAILED -> throw TransitionErrors.guardFailed(attempt, Objects.requireNonNull(verdict.failedGuardKind()),
					verdict.reasons().get(0), Objects.requireNonNull(verdict.failure()));
			default -> {
				return route;
			}
		}
	}

	/**
	 * For an entity without {@code @Version}: locks its row and checks that it still holds the
	 * source state, so that two transitions from one state cannot both commit.
	 */
	private void verifyStoredState(RunningTransition attempt) {
		boolean current;
		try {
			current = this.store.lockAndVerifyState(attempt.entity(), attempt.workflowModel().view(),
					attempt.sourceValue());
		}
		catch (PessimisticLockingFailureException ex) {
			throw TransitionErrors.conflict(attempt, ex);
		}
		if (!current) {
			throw TransitionErrors.staleState(attempt);
		}
	}

	/**
	 * State := target (viewflow's order, so the body sees it and may chain), the body, then a
	 * dynamic target. The body may leave the state only as the engine set it.
	 */
	private @Nullable Object runBody(RunningTransition attempt, RouteModel route, StateWrite write, Body body)
			throws Throwable {
		StateAccessor state = attempt.workflowModel().state();
		Object target = route.fixedTarget();
		if (target != null) {
			write.write(target);
		}
		Object result;
		TransitionContext outer = TransitionContextHolder.set(attempt);
		try {
			result = body.proceed();
		}
		finally {
			TransitionContextHolder.set(outer);
		}
		if (route.isDynamic()) {
			Object chosen = chosenTarget(state, route, result);
			if (chosen == null) {
				throw TransitionErrors.invalidTarget(attempt, route, result);
			}
			write.write(chosen);
			attempt.setTargetState(state.name(chosen));
		}
		Object now = state.get(attempt.entity());
		if (!Objects.equals(now, write.expectedState())) {
			throw TransitionErrors.stateWrittenByBody(attempt, now, write.expectedState());
		}
		return result;
	}

	/**
	 * The one failure path: puts the caller's instance back as it was, ends the transaction,
	 * applies {@code onError}, publishes {@link TransitionFailedEvent} (not for a refusal or a
	 * veto, which changed nothing) and returns what the caller gets.
	 */
	private Throwable failed(RunningTransition attempt, Phase phase, @Nullable TransactionStatus transaction,
			@Nullable EntitySnapshot snapshot, @Nullable StateWrite write, Throwable failure) {
		Throwable reported = (phase.compareTo(Phase.SAVE) >= 0) ? translate(attempt, failure) : failure;
		undo(snapshot, write, attempt);
		if (phase == Phase.CHECK || phase == Phase.PRE_EVENT) {
			this.transactions.release(transaction);
		}
		else {
			Object onError = (phase == Phase.BODY) ? attempt.route().onError() : null;
			if (onError != null && snapshot != null && write != null) {
				moveToErrorState(attempt, transaction, snapshot, write, onError, reported);
			}
			else {
				if (phase != Phase.COMMIT) {
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
				verifyStoredState(attempt);
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

	/** Runs the transition method. */
	@FunctionalInterface
	interface Body {

		@Nullable Object proceed() throws Throwable;

	}

	private static @Nullable Object chosenTarget(StateAccessor state, RouteModel route, @Nullable Object returned) {
		if (returned == null) {
			return null;
		}
		Object value = returned;
		if (!state.javaType().isInstance(returned)) {
			if (!(returned instanceof String name)) {
				return null;
			}
			try {
				value = state.value(name);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return route.targets().contains(value) ? value : null;
	}

}
