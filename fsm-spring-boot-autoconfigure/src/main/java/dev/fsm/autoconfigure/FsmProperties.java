package dev.fsm.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The top-level configuration properties of the FSM starter, those of no one feature.
 * Each feature has its own: {@link FsmValidationProperties},
 * {@link FsmSecurityProperties}, {@link FsmLockingProperties},
 * {@link FsmRetryProperties}, {@link FsmAuditProperties}, {@link FsmDiagramProperties},
 * {@link FsmTimerProperties}, {@link FsmWebProperties}, {@link FsmConsoleProperties},
 * {@link FsmMetricsProperties} and {@link FsmHealthProperties}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("fsm")
public class FsmProperties {

	/**
	 * How long an entity may stay in a state before the console marks it and the metrics
	 * count it as stuck, for the states and workflows that declare no {@code stuckAfter}
	 * of their own ({@code @StateInfo}, {@code @StateField}).
	 */
	private Duration stuckAfter = Duration.ofDays(7);

	public Duration getStuckAfter() {
		return this.stuckAfter;
	}

	public void setStuckAfter(Duration stuckAfter) {
		this.stuckAfter = stuckAfter;
	}

}
