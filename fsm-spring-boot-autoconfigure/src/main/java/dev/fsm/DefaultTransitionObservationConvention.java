package dev.fsm;

import org.jspecify.annotations.Nullable;

import io.micrometer.common.KeyValues;

import dev.fsm.TransitionObservationDocumentation.HighCardinalityKeyNames;
import dev.fsm.TransitionObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link TransitionObservationConvention}: the observation is named
 * {@code fsm.transition}, its contextual name (the span name) is
 * {@code "<workflow> <transition>"}, and it has the low-cardinality key values
 * {@code workflow}, {@code transition}, {@code source}, {@code target}, {@code outcome}
 * and {@code condition} and the high-cardinality key values {@code entity.id} and
 * {@code actor}. Extend it to add or change key values.
 *
 * @since 0.1.0
 */
public class DefaultTransitionObservationConvention implements TransitionObservationConvention {

	/** The name of the observation, and so of its timer. */
	public static final String NAME = "fsm.transition";

	/** The value of a key whose value is not known. */
	protected static final String UNKNOWN = "unknown";

	/** The value of {@code condition} when no condition refused the attempt. */
	protected static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TransitionObservationContext context) {
		return context.getWorkflow() + " " + context.getTransition();
	}

	/**
	 * {@code workflow} and {@code transition}, and once the attempt has ended
	 * {@code source}, {@code target}, {@code outcome} and {@code condition}: while it
	 * runs (the {@code fsm.transition.active} long task timer) they are not known yet.
	 */
	@Override
	public KeyValues getLowCardinalityKeyValues(TransitionObservationContext context) {
		KeyValues keyValues = KeyValues.of(LowCardinalityKeyNames.WORKFLOW.withValue(context.getWorkflow()),
				LowCardinalityKeyNames.TRANSITION.withValue(context.getTransition()));
		String outcome = context.getOutcome();
		if (outcome == null) {
			return keyValues;
		}
		return keyValues.and(LowCardinalityKeyNames.SOURCE.withValue(orUnknown(context.getSourceState())),
				LowCardinalityKeyNames.TARGET.withValue(orUnknown(context.getTargetState())),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome),
				LowCardinalityKeyNames.CONDITION.withValue(failedConditions(context)));
	}

	/**
	 * The names of the conditions that refused the attempt ({@link Condition#name()}, or
	 * the expression of a condition declared without one), comma-separated; {@code none}
	 * when no condition refused it. Declared at start-up, so bounded like the
	 * transitions.
	 */
	private static String failedConditions(TransitionObservationContext context) {
		if (context.getError() instanceof TransitionConditionException refusal
				&& !refusal.getFailedConditionNames().isEmpty()) {
			return String.join(",", refusal.getFailedConditionNames());
		}
		return NONE;
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
