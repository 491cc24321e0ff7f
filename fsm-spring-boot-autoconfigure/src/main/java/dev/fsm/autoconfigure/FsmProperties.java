package dev.fsm.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the FSM starter.
 */
@ConfigurationProperties("fsm")
public class FsmProperties {

	private final Validation validation = new Validation();

	public Validation getValidation() {
		return this.validation;
	}

	/**
	 * Start-up validation of the workflow declarations.
	 */
	public static class Validation {

		/**
		 * Whether states that no transition reaches from the initial state fail the start-up;
		 * when false they are logged as a warning.
		 */
		private boolean failOnUnreachableStates = true;

		public boolean isFailOnUnreachableStates() {
			return this.failOnUnreachableStates;
		}

		public void setFailOnUnreachableStates(boolean failOnUnreachableStates) {
			this.failOnUnreachableStates = failOnUnreachableStates;
		}

	}

}
