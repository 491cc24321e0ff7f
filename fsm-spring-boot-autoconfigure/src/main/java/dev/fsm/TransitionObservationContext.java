package dev.fsm.observation;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;

import dev.fsm.engine.TransitionAttempt;
import dev.fsm.engine.TransitionOutcome;

/**
 * The context of one transition attempt's observation, for
 * {@link TransitionObservationConvention conventions} and observation handlers. The source
 * state, target state and outcome fill in as the attempt proceeds; they are all known when
 * the observation stops.
 *
 * @since 0.1.0
 */
public class TransitionObservationContext extends Observation.Context {

	private final TransitionAttempt attempt;

	public TransitionObservationContext(TransitionAttempt attempt) {
		this.attempt = attempt;
	}

	/** The attempt itself, with the entity, the arguments and the transition's model. */
	public TransitionAttempt getAttempt() {
		return this.attempt;
	}

	/** The workflow name, e.g. {@code CaseReport.state}. */
	public String getWorkflow() {
		return this.attempt.workflow();
	}

	/** The transition name. */
	public String getTransition() {
		return this.attempt.transition();
	}

	/** The state the entity was in, once read. */
	public @Nullable String getSourceState() {
		return this.attempt.sourceState();
	}

	/** The target state, once known (a dynamic target is known after the body ran). */
	public @Nullable String getTargetState() {
		return this.attempt.targetState();
	}

	/** How the attempt ended; {@code null} while it runs. */
	public @Nullable TransitionOutcome getOutcome() {
		return this.attempt.outcome();
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
