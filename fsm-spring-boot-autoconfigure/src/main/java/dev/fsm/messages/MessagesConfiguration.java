package dev.fsm.messages;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fsm.WorkflowMessages;
import dev.fsm.metamodel.WorkflowRegistry;

/**
 * The beans of this package: the {@link WorkflowMessages} from the application's
 * {@code MessageSource}, unless the application declares its own. Imported by the
 * auto-configuration.
 * <p>
 * Package-private like the beans' types: the auto-configuration imports it by name.
 */
@Configuration(proxyBeanMethods = false)
final class MessagesConfiguration {

	/**
	 * The words of workflows for people: from the application's {@code MessageSource}
	 * (the context's own, so {@code spring.messages.*} applies), else the annotations,
	 * else the names.
	 */
	@Bean
	@ConditionalOnMissingBean
	WorkflowMessages fsmWorkflowMessages(ApplicationContext applicationContext, WorkflowRegistry registry) {
		return new MessageSourceWorkflowMessages(applicationContext, registry);
	}

}
