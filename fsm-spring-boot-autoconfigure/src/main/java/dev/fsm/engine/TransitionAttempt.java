package dev.fsm.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionContext;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;

/**
 * One attempt to fire a transition, filled in as it proceeds. Observers and recorders read it.
 */
public final class TransitionAttempt implements TransitionContext {

	private final TransitionModel transition;

	private final Object entity;

	private final @Nullable Object[] arguments;

	private final List<@Nullable Object> argumentList;

	private final String actor;

	private final Function<Object, @Nullable Object> ids;

	private @Nullable String sourceState;

	private @Nullable String targetState;

	private @Nullable TransitionOutcome outcome;

	private @Nullable Throwable failure;

	private @Nullable Object result;

	private @Nullable String description;

	private @Nullable RouteModel route;

	private @Nullable Object sourceValue;

	TransitionAttempt(TransitionModel transition, Object entity, @Nullable Object[] arguments, String actor,
			Function<Object, @Nullable Object> ids) {
		this.transition = transition;
		this.entity = entity;
		this.arguments = arguments;
		this.argumentList = Collections.unmodifiableList(Arrays.asList(arguments));
		this.actor = actor;
		this.ids = ids;
	}

	public TransitionModel transitionModel() {
		return this.transition;
	}

	@Override
	public String transition() {
		return this.transition.name();
	}

	@Override
	public String workflow() {
		return this.transition.workflow().name();
	}

	public WorkflowModel workflowModel() {
		return this.transition.workflow();
	}

	public Object entity() {
		return this.entity;
	}

	/** The entity id now (an unsaved entity has none until the transition saved it). */
	public @Nullable Object entityId() {
		return this.ids.apply(this.entity);
	}

	public List<@Nullable Object> arguments() {
		return this.argumentList;
	}

	@Nullable Object[] rawArguments() {
		return this.arguments;
	}

	@Override
	public String actor() {
		return this.actor;
	}

	/** The state when the transition was fired; {@code null} before it was read. */
	@Override
	public @Nullable String sourceState() {
		return this.sourceState;
	}

	/** The target state; {@code null} until known (dynamic targets are known after the body). */
	public @Nullable String targetState() {
		return this.targetState;
	}

	/** How the attempt ended; {@code null} while it runs. */
	public @Nullable TransitionOutcome outcome() {
		return this.outcome;
	}

	/** What the attempt threw, if anything. */
	public @Nullable Throwable failure() {
		return this.failure;
	}

	/** What the transition method returned. */
	public @Nullable Object result() {
		return this.result;
	}

	/**
	 * A description of this one firing for the audit trail; the transition's declared
	 * description unless the body set one.
	 */
	public @Nullable String description() {
		if (this.description != null) {
			return this.description;
		}
		RouteModel route = this.route;
		return (route != null && !route.definition().description().isEmpty()) ? route.definition().description()
				: null;
	}

	@Override
	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	void setRoute(RouteModel route) {
		this.route = route;
	}

	/** The route the attempt takes; known once the source state matched. */
	RouteModel route() {
		RouteModel route = this.route;
		if (route == null) {
			throw new IllegalStateException("Transition '" + transition() + "' has no route yet");
		}
		return route;
	}

	void setSource(Object value, String name) {
		this.sourceValue = value;
		this.sourceState = name;
	}

	/** The source state value; {@code null} before it was read. */
	@Nullable Object sourceValue() {
		return this.sourceValue;
	}

	void setTargetState(@Nullable String targetState) {
		this.targetState = targetState;
	}

	void setResult(@Nullable Object result) {
		this.result = result;
	}

	void complete() {
		this.outcome = TransitionOutcome.COMPLETED;
	}

	void fail(Throwable failure) {
		this.failure = failure;
		this.outcome = TransitionOutcome.of(failure);
	}

}
