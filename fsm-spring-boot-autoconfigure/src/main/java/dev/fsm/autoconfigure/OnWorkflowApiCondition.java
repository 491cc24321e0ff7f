package dev.fsm.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * The HTTP API is served when it is turned on, or when the console, which talks to it,
 * is.
 */
final class OnWorkflowApiCondition extends AnyNestedCondition {

	OnWorkflowApiCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnBooleanProperty("fsm.web.enabled")
	static final class ApiEnabled {

	}

	@ConditionalOnBooleanProperty("fsm.console.enabled")
	static final class ConsoleEnabled {

	}

}
