package dev.fsm.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.fsm.Transitions;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.WorkflowMessages;
import dev.fsm.actuate.WorkflowsEndpoint;
import dev.fsm.diagram.DefaultWorkflowDiagrams;
import dev.fsm.operations.StoredStateCheck;

/**
 * Auto-configuration of the {@code workflows} Actuator endpoint, when Actuator is present
 * and the endpoint is available (exposed over the web with
 * {@code management.endpoints.web.exposure.include=workflows}, access not denied).
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { FsmAutoConfiguration.class, FsmDiagramAutoConfiguration.class, FsmOperationsAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(endpoint = WorkflowsEndpoint.class, exposure = EndpointExposure.WEB)
public final class FsmEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Transitions.class)
	WorkflowsEndpoint workflowsEndpoint(Transitions transitions, ObjectProvider<WorkflowDiagrams> diagrams,
			ObjectProvider<WorkflowMessages> messages, ObjectProvider<StoredStateCheck> storedStates) {
		WorkflowMessages words = messages.getIfUnique(() -> WorkflowMessages.ANNOTATIONS);
		return new WorkflowsEndpoint(transitions,
				diagrams.getIfAvailable(() -> new DefaultWorkflowDiagrams(transitions, words)), words,
				storedStates.getIfUnique());
	}

}
