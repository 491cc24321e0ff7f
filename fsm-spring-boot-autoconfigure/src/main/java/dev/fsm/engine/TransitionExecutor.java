package dev.fsm.engine;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionFailedEvent;
import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.StateAccessor;
import dev.fsm.metamodel.TransitionCondition;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.TransitionPermission;

/**
 * Runs one transition in the documented order: transaction; source state, conditions,
 * permission; pre-transition event; state := target; body; save and flush; recorders;
 * post-transition event; commit. Failures restore the source state or move to the
 * {@code onError} state.
 */
public final class TransitionExecutor {

	private final EntityStore store;

	private final ActorProvider actors;

	private final ApplicationEventPublisher events;

	private final TransitionTransactions transactions;

	private final TransitionObserver observer;

	private final List<TransitionRecorder> recorders;

	public TransitionExecutor(EntityStore store, ActorProvider actors, ApplicationEventPublisher events,
			@Nullable PlatformTransactionManager transactionManager,
			TransitionObserver observer, List<TransitionRecorder> recorders) {
		this.store = store;
		this.actors = actors;
		this.events = events;
		this.transactions = new TransitionTransactions(transactionManager);
		this.observer = observer;
		this.recorders = List.copyOf(recorders);
	}

	/**
	 * Fires {@code transition} on {@code entity}.
	 * @param invocationTarget the object the method runs on: the entity or the flow bean
	 * @param arguments the full method arguments
	 * @param body runs the transition method
	 * @return what the method returned
	 */
	public @Nullable Object execute(TransitionModel transition, Object entity, Object invocationTarget,
			@Nullable Object[] arguments, TransitionObserver.Execution body) throws Throwable {
		TransitionAttempt attempt = new TransitionAttempt(transition, entity, arguments, this.actors.currentActor(),
				this.store::idOf);
		return this.observer.observe(attempt, () -> {
			try {
				Object result = run(attempt, invocationTarget, body);
				attempt.complete();
				return result;
			}
			catch (Throwable ex) {
				attempt.fail(ex);
				throw ex;
			}
		});
	}

	private @Nullable Object run(TransitionAttempt attempt, Object invocationTarget, TransitionObserver.Execution body)
			throws Throwable {
		TransactionStatus transaction = this.transactions.begin();
		RouteModel route;
		Object source;
		try {
			source = attempt.workflowModel().state().get(attempt.entity());
			route = check(attempt, invocationTarget, source);
		}
		catch (Throwable refusal) {
			this.transactions.release(transaction);
			throw refusal;
		}
		Object result;
		try {
			result = runBody(attempt, route, body);
		}
		catch (Throwable failure) {
			recoverFromBody(attempt, route, source, transaction, failure);
			throw failure;
		}
		Object saved;
		try {
			saved = this.store.save(attempt.entity());
			this.recorders.forEach((recorder) -> recorder.completed(attempt));
			this.events.publishEvent(new PostTransitionEvent<>(saved, attempt.workflowModel().view(),
					attempt.transitionModel().name(), String.valueOf(attempt.sourceState()),
					String.valueOf(attempt.targetState()), attempt.actor(), attempt.arguments(), result));
		}
		catch (Throwable failure) {
			Throwable reported = translate(attempt, failure);
			restore(attempt, source);
			this.transactions.abort(transaction);
			publishFailed(attempt, reported, false);
			throw reported;
		}
		try {
			this.transactions.commit(transaction);
		}
		catch (RuntimeException failure) {
			Throwable reported = translate(attempt, failure);
			restore(attempt, source);
			publishFailed(attempt, reported, false);
			throw reported;
		}
		return result;
	}

	/** Source state, conditions, permission, pre-transition event: nothing changes yet. */
	private RouteModel check(TransitionAttempt attempt, Object invocationTarget, @Nullable Object source) {
		TransitionModel transition = attempt.transitionModel();
		StateAccessor state = attempt.workflowModel().state();
		attempt.setSourceState((source != null) ? state.type().name(source) : null);
		RouteModel route = transition.routeFor(source);
		if (route == null) {
			throw TransitionErrors.notAllowed(attempt);
		}
		attempt.setRoute(route);
		attempt.setTargetState(route.targetName(source, state.type()));
		GuardInput input = new GuardInput(attempt.entity(), transition.method(), invocationTarget,
				attempt.rawArguments(), transition.parameterNames(), String.valueOf(attempt.sourceState()),
				attempt.targetState());
		List<String> failed = new ArrayList<>();
		for (TransitionCondition condition : route.conditions()) {
			boolean holds;
			try {
				holds = condition.holds(input);
			}
			catch (RuntimeException ex) {
				throw TransitionErrors.guardFailed(attempt, "condition", condition.expression(), ex);
			}
			if (!holds) {
				failed.add(condition.expression());
			}
		}
		if (!failed.isEmpty()) {
			throw TransitionErrors.conditionsFailed(attempt, failed);
		}
		TransitionPermission permission = route.permission();
		if (permission != null) {
			boolean granted;
			try {
				granted = permission.isGranted(input, null);
			}
			catch (RuntimeException ex) {
				throw TransitionErrors.guardFailed(attempt, "permission", permission.expression(), ex);
			}
			if (!granted) {
				throw TransitionErrors.denied(attempt, permission.expression());
			}
		}
		this.recorders.forEach((recorder) -> recorder.starting(attempt));
		this.events.publishEvent(new PreTransitionEvent<>(attempt.entity(), attempt.workflowModel().view(),
				transition.name(), String.valueOf(attempt.sourceState()), attempt.targetState(), attempt.actor(),
				attempt.arguments()));
		return route;
	}

	/** State := target (viewflow's order, so the body sees it and may chain), then the body. */
	private @Nullable Object runBody(TransitionAttempt attempt, RouteModel route, TransitionObserver.Execution body)
			throws Throwable {
		StateAccessor state = attempt.workflowModel().state();
		Object target = route.fixedTarget();
		if (target != null) {
			state.set(attempt.entity(), target);
		}
		Object result;
		TransitionAttempt outer = CurrentTransition.enter(attempt);
		try {
			result = body.proceed();
		}
		finally {
			CurrentTransition.exit(outer);
		}
		attempt.setResult(result);
		if (route.isDynamic()) {
			Object chosen = chosenTarget(state, route, result);
			if (chosen == null) {
				throw TransitionErrors.invalidTarget(attempt, route, result);
			}
			state.set(attempt.entity(), chosen);
			attempt.setTargetState(state.type().name(chosen));
		}
		return result;
	}

	private void recoverFromBody(TransitionAttempt attempt, RouteModel route, @Nullable Object source,
			@Nullable TransactionStatus transaction, Throwable failure) {
		restore(attempt, source);
		Object onError = route.onError();
		if (onError == null) {
			this.transactions.abort(transaction);
			publishFailed(attempt, failure, false);
			return;
		}
		StateAccessor state = attempt.workflowModel().state();
		try {
			if (this.transactions.isOwn(transaction)) {
				this.transactions.abort(transaction);
				this.transactions.inNewTransaction(() -> {
					Object saved = this.store.saveState(attempt.entity(), state, onError);
					this.recorders.forEach((recorder) -> recorder.movedToErrorState(attempt));
					publishFailed(attempt, saved, failure, true);
					return saved;
				});
			}
			else {
				state.set(attempt.entity(), onError);
				this.store.save(attempt.entity());
				this.recorders.forEach((recorder) -> recorder.movedToErrorState(attempt));
				publishFailed(attempt, failure, true);
				this.transactions.commit(transaction);
			}
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	private void restore(TransitionAttempt attempt, @Nullable Object source) {
		StateAccessor state = attempt.workflowModel().state();
		if (source != null) {
			state.set(attempt.entity(), source);
		}
	}

	private void publishFailed(TransitionAttempt attempt, Throwable failure, boolean movedToErrorState) {
		publishFailed(attempt, attempt.entity(), failure, movedToErrorState);
	}

	private void publishFailed(TransitionAttempt attempt, Object entity, Throwable failure,
			boolean movedToErrorState) {
		String resulting = String.valueOf(attempt.workflowModel().state().getName(attempt.entity()));
		this.events.publishEvent(new TransitionFailedEvent<>(entity, attempt.workflowModel().view(),
				attempt.transitionModel().name(), String.valueOf(attempt.sourceState()), attempt.targetState(),
				attempt.actor(), attempt.arguments(), failure, resulting, movedToErrorState));
	}

	private Throwable translate(TransitionAttempt attempt, Throwable failure) {
		if (!(failure instanceof ConcurrentTransitionException) && this.store.isConcurrencyFailure(failure)) {
			return TransitionErrors.conflict(attempt, failure);
		}
		return failure;
	}

	private static @Nullable Object chosenTarget(StateAccessor state, RouteModel route, @Nullable Object returned) {
		if (returned == null) {
			return null;
		}
		Object value = returned;
		if (!state.type().javaType().isInstance(returned)) {
			if (!(returned instanceof String name)) {
				return null;
			}
			try {
				value = state.type().value(name);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return route.targets().contains(value) ? value : null;
	}

}
