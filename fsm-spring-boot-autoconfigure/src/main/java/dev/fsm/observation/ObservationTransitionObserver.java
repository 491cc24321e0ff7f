package dev.fsm.observation;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.fsm.DefaultTransitionObservationConvention;
import dev.fsm.TransitionObservationContext;
import dev.fsm.TransitionObservationConvention;
import dev.fsm.engine.TransitionAttempt;
import dev.fsm.engine.TransitionObserver;
import dev.fsm.engine.TransitionOutcome;

/**
 * Observes every transition attempt as a Micrometer {@link Observation} named
 * {@code fsm.transition}, open as the current observation while the attempt runs (so spans of
 * the body, the listeners and the SQL nest under it), stopped once the outcome is known. A
 * failed attempt's exception is recorded as the observation's error.
 *
 * @since 0.1.0
 */
public class ObservationTransitionObserver implements TransitionObserver {

	private static final TransitionObservationConvention DEFAULT_CONVENTION = new DefaultTransitionObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable TransitionObservationConvention convention;

	/**
	 * @param registry the registry to report to
	 * @param convention a convention replacing the default one, or {@code null}
	 */
	public ObservationTransitionObserver(ObservationRegistry registry,
			@Nullable TransitionObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public @Nullable Object observe(TransitionAttempt attempt, Execution execution) throws Throwable {
		Observation observation = TransitionObservationDocumentation.TRANSITION
			.observation(this.convention, DEFAULT_CONVENTION, () -> context(attempt), this.registry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			return execution.proceed();
		}
		catch (Throwable ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/** A context that reads the attempt as it proceeds. */
	private static TransitionObservationContext context(TransitionAttempt attempt) {
		return new TransitionObservationContext(attempt.workflow(), attempt.transition(), attempt.entity(),
				attempt.actor(), attempt::entityId, attempt::sourceState, attempt::targetState,
				() -> outcome(attempt));
	}

	private static @Nullable String outcome(TransitionAttempt attempt) {
		TransitionOutcome outcome = attempt.outcome();
		return (outcome != null) ? outcome.value() : null;
	}

}
