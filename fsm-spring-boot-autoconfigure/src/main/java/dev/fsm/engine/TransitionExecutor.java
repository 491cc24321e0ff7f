package dev.fsm.engine;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionOperations;

import dev.fsm.ArgumentViolation;
import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionCompleted;
import dev.fsm.TransitionContext;
import dev.fsm.WorkflowMessages;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.StateAccessor;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.spi.ActorProvider;
import dev.fsm.spi.ArgumentValidator;
import dev.fsm.spi.EntityStore;
import dev.fsm.spi.TransitionObserver;
import dev.fsm.spi.TransitionRecorder;

/**
 * Runs one transition in the documented order: transaction; source state, conditions,
 * permission; the arguments' constraints; pre-transition event; state := target; body;
 * save and flush; recorders; post-transition event; commit. {@link TransitionChecks} runs
 * the checks; the transaction is the one template of transitions
 * ({@link TransitionTransactions}), and every failure goes through
 * {@link TransitionFailures}. A forced state ({@code Transitions.forceState}) is a
 * transition of its own kind through the same template and failure path
 * ({@link StateOverride}).
 * <p>
 * Public because the auto-configuration creates it; what it does is package-private.
 */
public final class TransitionExecutor {

	private final EntityStore store;

	private final ActorProvider actors;

	private final ApplicationEventPublisher events;

	private final TransitionTransactions transactions;

	private final TransitionObserver observer;

	private final List<TransitionRecorder> recorders;

	private final StateOverride overrides;

	private final TransitionChecks checks;

	private final TransitionFailures failures;

	private final ConcurrencySettings concurrency;

	private final Clock clock;

	private final ArgumentValidator arguments;

	private final CoroutineCallers callers;

	/** The id of an entity, for state writes; made once, not per transition. */
	private final Function<Object, @Nullable Object> ids;

	public TransitionExecutor(EntityStore store, ActorProvider actors, ApplicationEventPublisher events,
			@Nullable PlatformTransactionManager transactionManager, TransitionObserver observer,
			List<TransitionRecorder> recorders) {
		this(store, actors, events, transactionManager, observer, recorders, ConcurrencySettings.DEFAULTS,
				Clock.systemUTC());
	}

	/**
	 * @param concurrency the defaults for locking and retries
	 * @param clock the time of {@code @StateChangedAt} attributes and
	 * {@link TransitionCompleted} events
	 */
	public TransitionExecutor(EntityStore store, ActorProvider actors, ApplicationEventPublisher events,
			@Nullable PlatformTransactionManager transactionManager, TransitionObserver observer,
			List<TransitionRecorder> recorders, ConcurrencySettings concurrency, Clock clock) {
		this(store, actors, events, transactionManager, observer, recorders, concurrency, clock,
				ArgumentValidator.NONE);
	}

	/**
	 * @param concurrency the defaults for locking and retries
	 * @param clock the time of {@code @StateChangedAt} attributes and
	 * {@link TransitionCompleted} events
	 * @param arguments checks the arguments after the transition's checks, before
	 * anything runs
	 */
	public TransitionExecutor(EntityStore store, ActorProvider actors, ApplicationEventPublisher events,
			@Nullable PlatformTransactionManager transactionManager, TransitionObserver observer,
			List<TransitionRecorder> recorders, ConcurrencySettings concurrency, Clock clock,
			ArgumentValidator arguments) {
		this(store, actors, events, transactionManager, observer, recorders, concurrency, clock, arguments,
				WorkflowMessages.ANNOTATIONS);
	}

	/**
	 * @param concurrency the defaults for locking and retries
	 * @param clock the time of {@code @StateChangedAt} attributes and
	 * {@link TransitionCompleted} events
	 * @param arguments checks the arguments after the transition's checks, before
	 * anything runs
	 * @param messages what refused users are told ({@code getUserMessage()} of the
	 * refusals)
	 */
	public TransitionExecutor(EntityStore store, ActorProvider actors, ApplicationEventPublisher events,
			@Nullable PlatformTransactionManager transactionManager, TransitionObserver observer,
			List<TransitionRecorder> recorders, ConcurrencySettings concurrency, Clock clock,
			ArgumentValidator arguments, WorkflowMessages messages) {
		this.arguments = arguments;
		this.concurrency = concurrency;
		this.clock = clock;
		this.store = store;
		this.ids = store::idOf;
		this.actors = actors;
		this.events = events;
		this.transactions = new TransitionTransactions(transactionManager);
		this.callers = new CoroutineCallers(actors, transactionManager != null);
		this.observer = observer;
		this.recorders = List.copyOf(recorders);
		this.checks = new TransitionChecks(store, concurrency, messages);
		this.failures = new TransitionFailures(store, events, this.transactions, this.recorders, this.checks);
		this.overrides = new StateOverride(store, actors, this.transactions, this.recorders, clock, concurrency,
				this.callers, this.failures);
	}

	/** The defaults for locking and retries, for firing by id in the same way. */
	ConcurrencySettings concurrency() {
		return this.concurrency;
	}

	/**
	 * Refuses transitions fired where the caller's transaction or user did not follow,
	 * for firing by id.
	 */
	CoroutineCallers callers() {
		return this.callers;
	}

	/** The transactions of transitions, for firing by id in the same way. */
	TransitionTransactions transactions() {
		return this.transactions;
	}

	/**
	 * The transaction template of transitions for work that fires them on its own
	 * schedule (the timers): each run starts a transaction of its own and, when the work
	 * fails, ends it as a transition fired by id ends: what can still commit (an
	 * {@code onError} state) commits, a transaction marked rollback-only rolls back.
	 */
	public TransactionOperations ownTransactions() {
		return this.transactions.ownTransactions();
	}

	/**
	 * Sets the state of {@code entity} without a transition
	 * ({@code Transitions.forceState}).
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
	@Nullable Object execute(TransitionModel transition, Object entity, Object invocationTarget, @Nullable Object[] arguments,
			Body body) throws Throwable {
		Object target = this.store.unproxy(entity);
		String refusal = this.callers.refusal();
		if (refusal != null) {
			throw TransitionErrors.callerLeftBehind(this.store, transition, target, refusal);
		}
		if (transition.isDeclaredOnBean()) {
			arguments[transition.entityParameterIndex()] = target;
		}
		RunningTransition attempt = new RunningTransition(this, transition, target, invocationTarget, arguments,
				this.actors.currentActor(), body);
		if (this.observer == TransitionObserver.NONE) {
			return attempt.proceed();
		}
		return this.observer.observe(attempt.snapshot(), attempt);
	}

	/** The store of the entities, for the attempts this executor runs. */
	EntityStore store() {
		return this.store;
	}

	/**
	 * One firing of {@code attempt}, what the observers wrap: the template runs the
	 * attempt ({@link #run}) in its transaction and hands a failure to {@link #failed};
	 * then the state write ends.
	 */
	@Nullable Object proceed(RunningTransition attempt) throws Throwable {
		try {
			Object result = this.transactions.run(attempt);
			StateWrite write = attempt.write();
			if (write != null) {
				StateWrites.completed(write, this.store.versionOf(attempt.entity()));
			}
			return result;
		}
		finally {
			StateWrite write = attempt.write();
			if (write != null) {
				StateWrites.exit(write);
			}
		}
	}

	/** The failure path of {@code attempt}: {@link TransitionFailures}. */
	Throwable failed(RunningTransition attempt, @Nullable TransactionStatus status, Throwable failure) {
		return this.failures.failed(attempt, status, failure);
	}

	/**
	 * The transition in its transaction, in the documented order, up to the commit; the
	 * phase it reached tells the failure path what to undo.
	 */
	@Nullable Object run(RunningTransition attempt) throws Throwable {
		Object invocationTarget = attempt.invocationTarget();
		RouteModel route = this.checks.check(attempt, invocationTarget);
		validateArguments(attempt, invocationTarget);
		attempt.enter(TransitionPhase.PRE_EVENT);
		attempt.changing(EntitySnapshot.of(attempt.entity()));
		TransitionAttempt checked = attempt.snapshot();
		this.events.publishEvent(new PreTransitionEvent<>(checked));
		attempt.enter(TransitionPhase.STARTING);
		for (TransitionRecorder recorder : this.recorders) {
			recorder.starting(checked);
		}
		attempt.enter(TransitionPhase.BODY);
		StateWrite write = new StateWrite(attempt.entity(), attempt.workflowModel(), this.ids, attempt.sourceValue(),
				this.store.versionOf(attempt.entity()), this.clock);
		attempt.writing(write);
		StateWrites.enter(write);
		Object result = runBody(attempt, route, write, attempt.body());
		attempt.enter(TransitionPhase.SAVE);
		TransitionAttempt completed = attempt.snapshot(this.store.save(attempt.entity(), write.baselineVersion()));
		for (TransitionRecorder recorder : this.recorders) {
			recorder.completed(completed);
		}
		this.events.publishEvent(new PostTransitionEvent<>(completed, result));
		this.events.publishEvent(TransitionCompletedEvents.published(this.events,
				TransitionCompletedEvents.of(completed, attempt.model(), this.store, this.clock)));
		return result;
	}

	/**
	 * Bean Validation of the arguments: a refusal like the checks, before any event or
	 * change.
	 */
	private void validateArguments(RunningTransition attempt, Object invocationTarget) {
		List<ArgumentViolation> violations = this.arguments.validate(attempt.model().validated(), invocationTarget,
				attempt.rawArguments());
		if (!violations.isEmpty()) {
			throw TransitionErrors.invalidArguments(attempt, violations);
		}
	}

	/**
	 * State := target (viewflow's order, so the body sees it and may chain), the body,
	 * then a dynamic target. The body may leave the state only as the engine set it.
	 */
	private @Nullable Object runBody(RunningTransition attempt, RouteModel route, StateWrite write, Body body)
			throws Throwable {
		StateAccessor state = attempt.workflowModel().state();
		Object target = route.fixedTarget();
		if (target != null) {
			write.write(target);
		}
		Object result;
		TransitionContext outer = RunningTransition.swapCurrent(attempt);
		try {
			result = body.proceed();
		}
		finally {
			RunningTransition.swapCurrent(outer);
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
