package dev.fsm.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Metrics of the stored entities: the gauges of entities per state and of stuck entities,
 * and the time spent in a state.
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.metrics")
public class FsmMetricsProperties {

	private final Entities entities = new Entities();

	private final TimeInState timeInState = new TimeInState();

	public Entities getEntities() {
		return this.entities;
	}

	public TimeInState getTimeInState() {
		return this.timeInState;
	}

	/**
	 * The gauges fsm.entities and fsm.entities.stuck, counted on a schedule.
	 */
	public static class Entities {

		/**
		 * Whether to count the entities of every workflow. Off by default: counting runs
		 * a GROUP BY on each workflow's table every refresh interval.
		 */
		private boolean enabled;

		/**
		 * Workflows to count even when enabled is false, by name (CaseReport.state).
		 */
		private Set<String> workflows = new LinkedHashSet<>();

		/**
		 * How often the gauges are counted again; a scrape reads the last values.
		 */
		private Duration refreshInterval = Duration.ofMinutes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Set<String> getWorkflows() {
			return this.workflows;
		}

		public void setWorkflows(Set<String> workflows) {
			this.workflows = workflows;
		}

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

	}

	/**
	 * The timer fsm.time.in.state, recorded when a transition leaves a state.
	 */
	public static class TimeInState {

		/**
		 * Whether to record it, for the workflows with @StateChangedAt (read from the
		 * entity, no query).
		 */
		private boolean enabled = true;

		/**
		 * Whether workflows without @StateChangedAt read when the state was entered from
		 * the audit trail: one more query per transition, hence off by default.
		 */
		private boolean fromAuditTrail;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isFromAuditTrail() {
			return this.fromAuditTrail;
		}

		public void setFromAuditTrail(boolean fromAuditTrail) {
			this.fromAuditTrail = fromAuditTrail;
		}

	}

}
