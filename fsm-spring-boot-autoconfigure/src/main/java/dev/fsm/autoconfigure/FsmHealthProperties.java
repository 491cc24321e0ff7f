package dev.fsm.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Health indicators of the FSM starter: the one of stuck entities.
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.health")
public class FsmHealthProperties {

	private final Stuck stuck = new Stuck();

	public Stuck getStuck() {
		return this.stuck;
	}

	/**
	 * Reports the application unhealthy when too many entities are stuck.
	 */
	public static class Stuck {

		/**
		 * Whether to contribute the indicator (fsmStuck); it reads the fsm.entities.stuck
		 * gauges, so the workflows it watches need fsm.metrics.entities.
		 */
		private boolean enabled;

		/**
		 * How many stuck entities, all workflows together, are still healthy.
		 */
		private long threshold;

		/**
		 * The status above the threshold: OUT_OF_SERVICE or DOWN.
		 */
		private String status = "OUT_OF_SERVICE";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public long getThreshold() {
			return this.threshold;
		}

		public void setThreshold(long threshold) {
			this.threshold = threshold;
		}

		public String getStatus() {
			return this.status;
		}

		public void setStatus(String status) {
			this.status = status;
		}

	}

}
