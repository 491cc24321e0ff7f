package dev.fsm.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.fsm.Locking;

/**
 * Locking of transitions whose workflow and declaration do not choose.
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.locking")
public class FsmLockingProperties {

	/**
	 * Locking mode of transitions that declare none (@Transition(lock)
	 * or @StateField(lock)): OPTIMISTIC (the @Version check when saving) or PESSIMISTIC
	 * (SELECT ... FOR UPDATE before the checks).
	 */
	private Locking mode = Locking.OPTIMISTIC;

	/**
	 * How long a pessimistic transition waits for its row lock, unless it declares a
	 * lockTimeout; 0 fails at once (NOWAIT).
	 */
	private Duration timeout = Duration.ofSeconds(5);

	public Locking getMode() {
		return this.mode;
	}

	public void setMode(Locking mode) {
		this.mode = mode;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
