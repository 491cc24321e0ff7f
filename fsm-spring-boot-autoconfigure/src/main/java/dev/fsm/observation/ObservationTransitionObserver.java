package dev.fsm.observation;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.fsm.DefaultTransitionObservationConvention;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionObservationContext;
import dev.fsm.TransitionObservationConvention;
import dev.fsm.TransitionObservationDocumentation;
import dev.fsm.spi.TransitionObserver;

/**
 * Observes every transition attempt as a Micrometer {@link Observation} named
 * {@code fsm.transition}, open as the current observation while the attempt runs (so
 * spans of the body, the listeners and the SQL nest under it), stopped once the outcome
 * is known. A failed attempt's exception is recorded as the observation's error.
 *
 * @since 0.1.0
 */
class ObservationTransitionObserver implements TransitionObserver {

	private static final TransitionObservationConvention DEFAULT_CONVENTION = new DefaultTransitionObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable TransitionObservationConvention convention;

	/**
	 * @param registry the registry to report to
	 * @param convention a convention replacing the default one, or {@code null}
	 */
	ObservationTransitionObserver(ObservationRegistry registry, @Nullable TransitionObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public @Nullable Object observe(TransitionAttempt attempt, Execution execution) throws Throwable {
		TransitionObservationContext context = new TransitionObservationContext(attempt);
		Observation observation = TransitionObservationDocumentation.TRANSITION
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			Object result = execution.proceed();
			context.setOutcome(TransitionOutcome.COMPLETED);
			return result;
		}
		catch (Throwable ex) {
			context.setOutcome(TransitionOutcome.of(ex));
			observation.error(ex);
			throw ex;
		}
		finally {
			context.setAttempt(execution.attempt());
			observation.stop();
		}
	}

}
