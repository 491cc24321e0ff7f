package dev.fsm;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;

/**
 * The context of one transition attempt's observation, for
 * {@link TransitionObservationConvention conventions} and observation handlers. The
 * starter's observer creates it with the attempt as it is when it starts, and sets the
 * attempt as it ended (the target a dynamic transition chose, the id a new entity got)
 * and the outcome before the observation stops. A failed attempt's exception is
 * {@link #getError()}.
 *
 * @since 0.1.0
 */
public class TransitionObservationContext extends Observation.Context {

	private TransitionAttempt attempt;

	private @Nullable String outcome;

	/**
	 * @param attempt the attempt as it is when the observation starts
	 */
	public TransitionObservationContext(TransitionAttempt attempt) {
		this.attempt = attempt;
	}

	/** The attempt as it is now: as it started, then as it ended. */
	public TransitionAttempt getAttempt() {
		return this.attempt;
	}

	/** Replaces the attempt with what it is now. */
	public void setAttempt(TransitionAttempt attempt) {
		this.attempt = attempt;
	}

	/** The workflow name, e.g. {@code CaseReport.state}. */
	public String getWorkflow() {
		return this.attempt.workflow().name();
	}

	/** The transition name. */
	public String getTransition() {
		return this.attempt.transition();
	}

	/** The entity the transition is fired on. */
	public Object getEntity() {
		return this.attempt.entity();
	}

	/** The state the entity was in, once read. */
	public @Nullable String getSourceState() {
		return this.attempt.sourceState();
	}

	/** The target state, once known (a dynamic target is known after the body ran). */
	public @Nullable String getTargetState() {
		return this.attempt.targetState();
	}

	/**
	 * How the attempt ended: {@code completed}, {@code not_allowed}, {@code denied},
	 * {@code condition_failed}, {@code invalid_arguments}, {@code conflict} or
	 * {@code error}; {@code null} while it runs.
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	/** Sets how the attempt ended. */
	public void setOutcome(@Nullable String outcome) {
		this.outcome = outcome;
	}

	/** The entity's id; {@code null} for a new entity not saved yet. */
	public @Nullable Object getEntityId() {
		return this.attempt.entityId();
	}

	/** Who fired the transition. */
	public String getActor() {
		return this.attempt.actor();
	}

}
