package dev.fsm.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.fsm.operations.StoredStateCheck;

/**
 * Start-up validation of the workflow declarations, and of the states stored in their
 * tables.
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.validation")
public class FsmValidationProperties {

	/**
	 * Whether states that no transition reaches from the initial state fail the start-up;
	 * when false they are logged as a warning.
	 */
	private boolean failOnUnreachableStates = true;

	/**
	 * What the start-up does when rows hold a state their workflow does not declare (a
	 * renamed or removed state, NULL), counted with one GROUP BY per workflow: fail (stop
	 * the start-up with the list and the repair), warn (log them and start), or off. warn
	 * by default: during a rolling deployment that renames a state, the instances still
	 * running the old version keep writing the old value, and fail would stop the new
	 * ones.
	 */
	private StoredStateCheck.Mode storedStates = StoredStateCheck.Mode.WARN;

	public boolean isFailOnUnreachableStates() {
		return this.failOnUnreachableStates;
	}

	public void setFailOnUnreachableStates(boolean failOnUnreachableStates) {
		this.failOnUnreachableStates = failOnUnreachableStates;
	}

	public StoredStateCheck.Mode getStoredStates() {
		return this.storedStates;
	}

	public void setStoredStates(StoredStateCheck.Mode storedStates) {
		this.storedStates = storedStates;
	}

}
