package dev.fsm.observation;

import org.jspecify.annotations.Nullable;

import io.micrometer.common.KeyValues;

import dev.fsm.engine.TransitionOutcome;
import dev.fsm.observation.TransitionObservationDocumentation.HighCardinalityKeyNames;
import dev.fsm.observation.TransitionObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link TransitionObservationConvention}: the observation is named
 * {@code fsm.transition}, its contextual name (the span name) is
 * {@code "<workflow> <transition>"}, and it has the low-cardinality key values
 * {@code workflow}, {@code transition}, {@code source}, {@code target} and {@code outcome}
 * and the high-cardinality key values {@code entity.id} and {@code actor}.
 *
 * @since 0.1.0
 */
public class DefaultTransitionObservationConvention implements TransitionObservationConvention {

	/** The name of the observation, and so of its timer. */
	public static final String NAME = "fsm.transition";

	/** The value of a key whose value is not known. */
	protected static final String UNKNOWN = "unknown";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TransitionObservationContext context) {
		return context.getWorkflow() + " " + context.getTransition();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TransitionObservationContext context) {
		TransitionOutcome outcome = context.getOutcome();
		return KeyValues.of(LowCardinalityKeyNames.WORKFLOW.withValue(context.getWorkflow()),
				LowCardinalityKeyNames.TRANSITION.withValue(context.getTransition()),
				LowCardinalityKeyNames.SOURCE.withValue(orUnknown(context.getSourceState())),
				LowCardinalityKeyNames.TARGET.withValue(orUnknown(context.getTargetState())),
				LowCardinalityKeyNames.OUTCOME.withValue((outcome != null) ? outcome.value() : UNKNOWN));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TransitionObservationContext context) {
		Object id = context.getEntityId();
		return KeyValues.of(HighCardinalityKeyNames.ENTITY_ID.withValue((id != null) ? id.toString() : "none"),
				HighCardinalityKeyNames.ACTOR.withValue(context.getActor()));
	}

	private static String orUnknown(@Nullable String value) {
		return (value != null) ? value : UNKNOWN;
	}

}
