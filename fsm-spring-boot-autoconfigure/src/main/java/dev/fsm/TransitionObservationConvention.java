package dev.fsm;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of transition observations. Declare a bean of this
 * type to replace {@link DefaultTransitionObservationConvention}, typically by extending
 * it.
 *
 * @since 0.1.0
 */
public interface TransitionObservationConvention extends ObservationConvention<TransitionObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TransitionObservationContext;
	}

}
