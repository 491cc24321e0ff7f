package dev.fsm.engine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.function.SingletonSupplier;

import dev.fsm.TransitionHistory;
import dev.fsm.Transitions;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.ActorProvider;
import dev.fsm.spi.EntityStore;

/**
 * The beans of the engine whose types are its own: the advisor around {@code @Transition}
 * methods of beans, the {@link Transitions} facade, the failure logging of transactional
 * listeners, and the store and actor of an application without JPA or Spring Security.
 * Imported by the auto-configuration after the adapters, whose store and actor come
 * first.
 * <p>
 * Package-private like the beans' types: the auto-configuration imports it by name.
 */
@Configuration(proxyBeanMethods = false)
final class EngineConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TransitionAdvisor transitionAdvisor(ObjectProvider<WorkflowRegistry> workflowRegistry,
			ObjectProvider<TransitionExecutor> transitionExecutor) {
		return new TransitionAdvisor(SingletonSupplier.of(workflowRegistry::getObject),
				SingletonSupplier.of(transitionExecutor::getObject));
	}

	/** Static, so that it exists before the listener methods are read. */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean(TransitionListenerFailureLogging.class)
	static TransitionListenerFailureLogging fsmTransitionListenerFailureLogging() {
		return new TransitionListenerFailureLogging();
	}

	@Bean
	@ConditionalOnMissingBean
	EntityStore fsmEntityStore() {
		return new NonPersistentEntityStore();
	}

	@Bean
	@ConditionalOnMissingBean
	ActorProvider fsmActorProvider() {
		return new ThreadLocalActorProvider();
	}

	@Bean
	@ConditionalOnMissingBean(Transitions.class)
	DefaultTransitions transitions(WorkflowRegistry registry, TransitionExecutor executor, EntityStore store,
			ActorProvider actors, TransitionAdvisor transitionAdvisor, ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<TransitionHistory> history, ObjectProvider<ConversionService> conversionService) {
		return new DefaultTransitions(registry, executor, store, actors, transitionAdvisor, beanFactory, history,
				conversionService.getIfUnique(ApplicationConversionService::getSharedInstance));
	}

	/**
	 * With Spring Modulith's event publication registry: its completion advice leaves the
	 * after-commit listeners of the events with the entity alone, as the registry records
	 * no publication for them.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.modulith.events.support.CompletionRegisteringAdvisor")
	static class PublicationRegistryConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static PublicationCompletionExclusion fsmPublicationCompletionExclusion() {
			return new PublicationCompletionExclusion();
		}

	}

}
