package dev.fsm.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionStatus;

import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionContext;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.spi.TransitionObserver;

/**
 * The engine's working record of one attempt, filled in as it proceeds; what leaves the
 * engine is its {@link #snapshot() value}, made once for each thing the attempt learns
 * (its source, route, target, description, the saved entity) and handed to every event,
 * recorder and observer that asks until the next. It is the {@link TransitionContext} of
 * the body, and it holds what the failure path needs: how far the attempt got, the
 * caller's instance as it was, the state write in progress. It is also the firing itself:
 * what the observers wrap ({@link TransitionObserver.Execution}) and the unit the one
 * transaction template runs ({@link TransitionTransactions.Unit}), whose work and failure
 * path are its {@link TransitionExecutor executor's}; one object per firing, not two.
 */
final class RunningTransition extends TransitionContext
		implements TransitionObserver.Execution, TransitionTransactions.Unit<Object> {

	/** What a transition without parameters passes: one list, shared. */
	private static final List<@Nullable Object> NO_ARGUMENTS = Collections.unmodifiableList(Arrays.asList());

	private final TransitionExecutor executor;

	private final TransitionModel transition;

	private final Object entity;

	/** The object the method runs on: the entity or the flow bean. */
	private final Object invocationTarget;

	private final @Nullable Object[] arguments;

	private final List<@Nullable Object> argumentList;

	private final String actor;

	private final TransitionExecutor.Body body;

	private @Nullable Object sourceValue;

	private @Nullable String sourceState;

	private @Nullable String targetState;

	private @Nullable RouteModel route;

	private @Nullable String description;

	/** The last value made of the caller's instance, until the attempt changes. */
	private @Nullable TransitionAttempt current;

	private TransitionPhase phase = TransitionPhase.CHECK;

	private @Nullable EntitySnapshot before;

	private @Nullable StateWrite write;

	RunningTransition(TransitionExecutor executor, TransitionModel transition, Object entity, Object invocationTarget,
			@Nullable Object[] arguments, String actor, TransitionExecutor.Body body) {
		this.executor = executor;
		this.transition = transition;
		this.entity = entity;
		this.invocationTarget = invocationTarget;
		this.arguments = arguments;
		this.argumentList = (arguments.length == 0) ? NO_ARGUMENTS
				: Collections.unmodifiableList(Arrays.asList(arguments));
		this.actor = actor;
		this.body = body;
	}

	/** Runs the attempt: the executor's firing, observed or not. */
	@Override
	public @Nullable Object proceed() throws Throwable {
		return this.executor.proceed(this);
	}

	/** The attempt as it is now, for the observers. */
	@Override
	public TransitionAttempt attempt() {
		return snapshot();
	}

	/** The transition in the template's transaction. */
	@Override
	public @Nullable Object run(@Nullable TransactionStatus status) throws Throwable {
		return this.executor.run(this);
	}

	/** The one failure path. */
	@Override
	public Throwable failed(@Nullable TransactionStatus status, Throwable failure) {
		return this.executor.failed(this, status, failure);
	}

	/** The object the method runs on: the entity or the flow bean. */
	Object invocationTarget() {
		return this.invocationTarget;
	}

	/** Runs the transition method. */
	TransitionExecutor.Body body() {
		return this.body;
	}

	/**
	 * The attempt as a value, made now: {@code entity} (the caller's instance or what
	 * saving it returned) was saved or put back, so its id and version are read again.
	 */
	TransitionAttempt snapshot(Object entity) {
		TransitionAttempt made = snapshot(entity, this.targetState);
		if (entity == this.entity) {
			this.current = made;
		}
		return made;
	}

	/**
	 * The attempt as a value, moving to {@code targetState} (an {@code onError} state).
	 */
	TransitionAttempt snapshot(Object entity, @Nullable String targetState) {
		return new TransitionAttempt(this.transition.workflow().view(), this.transition.name(), entity,
				this.executor.store().idOf(entity), this.executor.store().versionOf(entity), this.sourceState,
				targetState, this.actor, this.argumentList, description());
	}

	/**
	 * The attempt as a value, as it is now: the one made last, unless the attempt changed
	 * since (each change below forgets it; the engine makes a new one after it saved the
	 * entity).
	 */
	TransitionAttempt snapshot() {
		TransitionAttempt made = this.current;
		return (made != null) ? made : snapshot(this.entity);
	}

	/** How far the attempt got. */
	TransitionPhase phase() {
		return this.phase;
	}

	void enter(TransitionPhase phase) {
		this.phase = phase;
	}

	/**
	 * The caller's instance as it was before anything changed; {@code null} before the
	 * checks passed.
	 */
	@Nullable EntitySnapshot before() {
		return this.before;
	}

	void changing(EntitySnapshot before) {
		this.before = before;
	}

	/** The state write in progress; {@code null} before the body's phase. */
	@Nullable StateWrite write() {
		return this.write;
	}

	void writing(StateWrite write) {
		this.write = write;
	}

	/**
	 * Puts the caller's instance back as it was before the transition (every field,
	 * version included) and the state the engine expects at the source; the value made of
	 * it before is forgotten.
	 */
	void undo() {
		EntitySnapshot before = this.before;
		if (before != null) {
			before.restore();
		}
		StateWrite write = this.write;
		if (write != null) {
			write.adopt(this.sourceValue);
		}
		this.current = null;
	}

	TransitionModel model() {
		return this.transition;
	}

	WorkflowModel workflowModel() {
		return this.transition.workflow();
	}

	/** The entity behind any proxy: the caller's instance. */
	Object entity() {
		return this.entity;
	}

	@Nullable Object entityId() {
		return this.executor.store().idOf(this.entity);
	}

	/**
	 * The entity for messages: {@code CaseReport#42}, or {@code CaseReport (unsaved)}.
	 */
	String entityLabel() {
		return TransitionErrors.entity(this.executor.store(), this.transition.workflow().entityType(), entityId());
	}

	@Nullable Object[] rawArguments() {
		return this.arguments;
	}

	/**
	 * Makes {@code context} the running transition of this thread, around a transition
	 * body.
	 * @return the one it replaces, to pass back when the body ends
	 */
	static @Nullable TransitionContext swapCurrent(@Nullable TransitionContext context) {
		return makeCurrent(context);
	}

	@Override
	public String transition() {
		return this.transition.name();
	}

	@Override
	public String workflow() {
		return this.transition.workflow().name();
	}

	@Override
	public String actor() {
		return this.actor;
	}

	@Override
	public @Nullable String sourceState() {
		return this.sourceState;
	}

	/** The source state's name for messages: {@code "none"} before it was read. */
	String sourceStateOrNone() {
		String source = this.sourceState;
		return (source != null) ? source : "none";
	}

	/** The source state value; {@code null} before it was read. */
	@Nullable Object sourceValue() {
		return this.sourceValue;
	}

	void setSource(Object value, String name) {
		this.sourceValue = value;
		this.sourceState = name;
		this.current = null;
	}

	@Nullable String targetState() {
		return this.targetState;
	}

	void setTargetState(@Nullable String targetState) {
		this.targetState = targetState;
		this.current = null;
	}

	/** The route the attempt takes; known once the source state matched. */
	RouteModel route() {
		RouteModel route = this.route;
		if (route == null) {
			throw new IllegalStateException("Transition '" + transition() + "' has no route yet");
		}
		return route;
	}

	void setRoute(RouteModel route) {
		this.route = route;
		this.current = null;
	}

	/** The description of this firing: what the body set, else the declared one. */
	@Nullable String description() {
		if (this.description != null) {
			return this.description;
		}
		RouteModel route = this.route;
		return (route != null && !route.view().description().isEmpty()) ? route.view().description() : null;
	}

	@Override
	public void setDescription(@Nullable String description) {
		this.description = description;
		this.current = null;
	}

}
