package dev.fsm.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionContext;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.spi.EntityStore;

/**
 * The engine's working record of one attempt, filled in as it proceeds; what leaves the engine
 * is its {@link #snapshot() value}. It is the {@link TransitionContext} of the body.
 */
final class RunningTransition extends TransitionContext {

	private final TransitionModel transition;

	private final Object entity;

	private final @Nullable Object[] arguments;

	private final List<@Nullable Object> argumentList;

	private final String actor;

	private final EntityStore store;

	private @Nullable Object sourceValue;

	private @Nullable String sourceState;

	private @Nullable String targetState;

	private @Nullable RouteModel route;

	private @Nullable String description;

	RunningTransition(TransitionModel transition, Object entity, @Nullable Object[] arguments, String actor,
			EntityStore store) {
		this.transition = transition;
		this.entity = entity;
		this.arguments = arguments;
		this.argumentList = Collections.unmodifiableList(Arrays.asList(arguments));
		this.actor = actor;
		this.store = store;
	}

	/** The attempt as a value, as it is now; {@code entity} is the instance events should carry. */
	TransitionAttempt snapshot(Object entity) {
		return snapshot(entity, this.targetState);
	}

	/** The attempt as a value, moving to {@code targetState} (an {@code onError} state). */
	TransitionAttempt snapshot(Object entity, @Nullable String targetState) {
		return new TransitionAttempt(this.transition.workflow().view(), this.transition.name(), entity,
				this.store.idOf(entity), this.store.versionOf(entity), this.sourceState, targetState, this.actor,
				this.argumentList, description());
	}

	/** The attempt as a value, as it is now. */
	TransitionAttempt snapshot() {
		return snapshot(this.entity);
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
		return this.store.idOf(this.entity);
	}

	/** The entity for messages: {@code CaseReport#42}, or {@code CaseReport (unsaved)}. */
	String entityLabel() {
		return TransitionErrors.entity(this.store, this.transition.workflow().entityType(), entityId());
	}

	@Nullable Object[] rawArguments() {
		return this.arguments;
	}

	/**
	 * Makes {@code context} the running transition of this thread, around a transition body.
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
	}

	@Nullable String targetState() {
		return this.targetState;
	}

	void setTargetState(@Nullable String targetState) {
		this.targetState = targetState;
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
	}

}
