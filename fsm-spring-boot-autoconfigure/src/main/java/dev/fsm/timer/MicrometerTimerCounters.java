package dev.fsm.timer;

import io.micrometer.core.instrument.MeterRegistry;

import dev.fsm.metamodel.TimedRoute;

/**
 * The timers' counters in a Micrometer {@link MeterRegistry}: {@value #FIRED},
 * {@value #REFUSED} and {@value #FAILED}, tagged with workflow and transition, and the
 * refusal's or failure's exception type.
 * <p>
 * Public because the auto-configuration creates it when Micrometer is present.
 */
public final class MicrometerTimerCounters extends TimerCounters {

	static final String FIRED = "fsm.timer.fired";

	static final String REFUSED = "fsm.timer.refused";

	static final String FAILED = "fsm.timer.failed";

	private final MeterRegistry registry;

	public MicrometerTimerCounters(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	void fired(TimedRoute route) {
		this.registry.counter(FIRED, "workflow", route.workflow().name(), "transition", route.transition().name())
			.increment();
	}

	@Override
	void refused(TimedRoute route, String reason) {
		this.registry
			.counter(REFUSED, "workflow", route.workflow().name(), "transition", route.transition().name(), "reason",
					reason)
			.increment();
	}

	@Override
	void failed(TimedRoute route, String exception) {
		this.registry
			.counter(FAILED, "workflow", route.workflow().name(), "transition", route.transition().name(), "exception",
					exception)
			.increment();
	}

}
