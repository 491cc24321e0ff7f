package dev.fsm;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;

/**
 * The context of one transition attempt's observation, for
 * {@link TransitionObservationConvention conventions} and observation handlers. The entity id,
 * source state, target state and outcome fill in as the attempt proceeds; they are all known
 * when the observation stops. A failed attempt's exception is {@link #getError()}.
 *
 * @since 0.1.0
 */
public class TransitionObservationContext extends Observation.Context {

	private final String workflow;

	private final String transition;

	private final Object entity;

	private final String actor;

	private final Supplier<@Nullable Object> entityId;

	private final Supplier<@Nullable String> sourceState;

	private final Supplier<@Nullable String> targetState;

	private final Supplier<@Nullable String> outcome;

	/**
	 * The starter's observer creates one per attempt. The suppliers are read each time a
	 * getter is called, so they report the attempt as it is at that moment.
	 * @param workflow the workflow name
	 * @param transition the transition name
	 * @param entity the entity the transition is fired on
	 * @param actor who fired the transition
	 * @param entityId the entity's id now, {@code null} while it has none
	 * @param sourceState the state the entity was in, {@code null} until read
	 * @param targetState the target state, {@code null} until known
	 * @param outcome how the attempt ended (see {@link #getOutcome()}), {@code null} while it
	 * runs
	 */
	public TransitionObservationContext(String workflow, String transition, Object entity, String actor,
			Supplier<@Nullable Object> entityId, Supplier<@Nullable String> sourceState,
			Supplier<@Nullable String> targetState, Supplier<@Nullable String> outcome) {
		this.workflow = workflow;
		this.transition = transition;
		this.entity = entity;
		this.actor = actor;
		this.entityId = entityId;
		this.sourceState = sourceState;
		this.targetState = targetState;
		this.outcome = outcome;
	}

	/** The workflow name, e.g. {@code CaseReport.state}. */
	public String getWorkflow() {
		return this.workflow;
	}

	/** The transition name. */
	public String getTransition() {
		return this.transition;
	}

	/** The entity the transition is fired on. */
	public Object getEntity() {
		return this.entity;
	}

	/** The state the entity was in, once read. */
	public @Nullable String getSourceState() {
		return this.sourceState.get();
	}

	/** The target state, once known (a dynamic target is known after the body ran). */
	public @Nullable String getTargetState() {
		return this.targetState.get();
	}

	/**
	 * How the attempt ended: {@code completed}, {@code not_allowed}, {@code denied},
	 * {@code condition_failed}, {@code conflict} or {@code error}; {@code null} while it runs.
	 */
	public @Nullable String getOutcome() {
		return this.outcome.get();
	}

	/** The entity's id; {@code null} for a new entity not saved yet. */
	public @Nullable Object getEntityId() {
		return this.entityId.get();
	}

	/** Who fired the transition. */
	public String getActor() {
		return this.actor;
	}

}
