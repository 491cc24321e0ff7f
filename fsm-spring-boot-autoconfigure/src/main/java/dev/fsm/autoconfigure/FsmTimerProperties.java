package dev.fsm.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timed transitions ({@code @Transition(after = ..)}), fired by a scheduler in every
 * instance of the application.
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.timers")
public class FsmTimerProperties {

	/**
	 * Whether this instance fires timed transitions. Nothing is scheduled when no
	 * workflow declares one.
	 */
	private boolean enabled = true;

	/**
	 * How long to wait between two polls for due entities; the first poll is one interval
	 * after start-up.
	 */
	private Duration pollInterval = Duration.ofSeconds(30);

	/**
	 * How many due entities one query reads; a poll reads page after page until none is
	 * due.
	 */
	private int batchSize = 100;

	/**
	 * The actor timed transitions are fired as: in events, the audit trail and permission
	 * checks (a user of that name with no authorities).
	 */
	private String actor = "system";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public String getActor() {
		return this.actor;
	}

	public void setActor(String actor) {
		this.actor = actor;
	}

}
