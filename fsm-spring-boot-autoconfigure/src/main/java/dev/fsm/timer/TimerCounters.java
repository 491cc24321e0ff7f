package dev.fsm.timer;

import dev.fsm.metamodel.TimedRoute;

/**
 * Counts what the timers did: transitions fired, refused (a condition or permission that
 * does not hold: the entity stays due) and failed. Without Micrometer nothing is counted.
 * <p>
 * Public because the auto-configuration chooses the implementation.
 */
public abstract class TimerCounters {

	private static final TimerCounters NONE = new TimerCounters() {
	};

	/** Counters that count nothing. */
	public static TimerCounters none() {
		return NONE;
	}

	void fired(TimedRoute route) {
	}

	/**
	 * @param reason the simple name of the refusal's exception type
	 */
	void refused(TimedRoute route, String reason) {
	}

	/**
	 * @param exception the simple name of the failure's exception type
	 */
	void failed(TimedRoute route, String exception) {
	}

}
