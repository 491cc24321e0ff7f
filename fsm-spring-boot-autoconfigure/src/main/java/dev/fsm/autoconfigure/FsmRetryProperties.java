package dev.fsm.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The backoff between the attempts of transitions declared safe to repeat
 * (@Transition(retries)).
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.retry")
public class FsmRetryProperties {

	/**
	 * Pause before the first retry; it doubles for each next one, with a random jitter of
	 * up to half of it.
	 */
	private Duration delay = Duration.ofMillis(10);

	/**
	 * Longest pause between two attempts.
	 */
	private Duration maxDelay = Duration.ofMillis(200);

	public Duration getDelay() {
		return this.delay;
	}

	public void setDelay(Duration delay) {
		this.delay = delay;
	}

	public Duration getMaxDelay() {
		return this.maxDelay;
	}

	public void setMaxDelay(Duration maxDelay) {
		this.maxDelay = maxDelay;
	}

}
