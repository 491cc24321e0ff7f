package dev.fsm.autoconfigure;

import java.time.Clock;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.function.SingletonSupplier;

import dev.fsm.TransitionHistory;
import dev.fsm.Transitions;
import dev.fsm.WorkflowMessages;
import dev.fsm.engine.ArgumentValidator;
import dev.fsm.engine.ConcurrencySettings;
import dev.fsm.engine.DefaultTransitions;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.NonPersistentEntityStore;
import dev.fsm.engine.PublicationCompletionExclusion;
import dev.fsm.engine.SpelGuardCompiler;
import dev.fsm.engine.ThreadLocalActorProvider;
import dev.fsm.engine.TransitionAdvisor;
import dev.fsm.engine.TransitionExecutor;
import dev.fsm.engine.TransitionListenerFailureLogging;
import dev.fsm.engine.WorkflowDiscovery;
import dev.fsm.jpa.JpaEntityStore;
import dev.fsm.jpa.StateFieldGuard;
import dev.fsm.messages.MessageSourceWorkflowMessages;
import dev.fsm.metamodel.GuardCompiler;
import dev.fsm.metamodel.PermissionCompiler;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.security.SecurityActorProvider;
import dev.fsm.security.SecurityPermissionCompiler;
import dev.fsm.spi.ActorProvider;
import dev.fsm.spi.EntityStore;
import dev.fsm.spi.TransitionObserver;
import dev.fsm.spi.TransitionRecorder;
import dev.fsm.validation.BeanValidationArguments;

/**
 * Auto-configuration of the transition engine: the advisor around {@code @Transition}
 * methods, the workflow registry (built and validated at start-up), and the
 * {@link Transitions} facade. Uses JPA, a transaction manager, Spring Security and Bean
 * Validation (of transition arguments) when the application has them.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration" })
@EnableConfigurationProperties({ FsmProperties.class, FsmValidationProperties.class, FsmSecurityProperties.class,
		FsmLockingProperties.class, FsmRetryProperties.class })
@Import(FsmAutoConfiguration.AutoProxyCreatorRegistrar.class)
public final class FsmAutoConfiguration {

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

	/**
	 * The time of {@code @StateChangedAt} attributes, events and timers; tests replace it
	 * to move time.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock fsmClock() {
		return Clock.systemUTC();
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
	@ConditionalOnMissingBean
	GuardEvaluationContexts fsmGuardEvaluationContexts(ApplicationContext applicationContext, EntityStore store) {
		return new GuardEvaluationContexts(new BeanFactoryResolver(applicationContext), store::unproxy);
	}

	@Bean
	@ConditionalOnMissingBean
	GuardCompiler fsmGuardCompiler(GuardEvaluationContexts contexts, ObjectProvider<PermissionCompiler> permissions,
			FsmSecurityProperties security) {
		return new SpelGuardCompiler(contexts, permissions.getIfUnique(), security.getDefaultPermission());
	}

	@Bean
	@ConditionalOnMissingBean
	WorkflowRegistry workflowRegistry(ConfigurableListableBeanFactory beanFactory, EntityStore store,
			GuardCompiler guards, FsmValidationProperties validation) {
		return new WorkflowDiscovery(beanFactory, store, guards, validation.isFailOnUnreachableStates()).discover();
	}

	/** Lists the workflows and the starter's URLs once the application is ready. */
	@Bean
	StartupReport fsmStartupReport(WorkflowRegistry registry, ObjectProvider<StartupReport.Endpoint> endpoints) {
		return new StartupReport(registry, endpoints);
	}

	@Bean
	@ConditionalOnMissingBean
	TransitionExecutor transitionExecutor(EntityStore store, ActorProvider actors, ApplicationEventPublisher events,
			ObjectProvider<PlatformTransactionManager> transactionManager, ObjectProvider<TransitionObserver> observer,
			ObjectProvider<TransitionRecorder> recorders, FsmLockingProperties locking, FsmRetryProperties retry,
			Clock clock, ObjectProvider<ArgumentValidator> arguments, ObjectProvider<WorkflowMessages> messages) {
		List<TransitionRecorder> orderedRecorders = recorders.orderedStream().toList();
		ConcurrencySettings concurrency = new ConcurrencySettings(locking.getMode(), locking.getTimeout(),
				retry.getDelay(), retry.getMaxDelay());
		return new TransitionExecutor(store, actors, events, transactionManager.getIfUnique(),
				TransitionObserver.of(observer.orderedStream().toList()), orderedRecorders, concurrency, clock,
				arguments.getIfUnique(() -> ArgumentValidator.NONE),
				messages.getIfUnique(() -> WorkflowMessages.ANNOTATIONS));
	}

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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ EntityManagerFactory.class, SharedEntityManagerCreator.class })
	@ConditionalOnBean(EntityManagerFactory.class)
	static class JpaConfiguration {

		@Bean
		@ConditionalOnMissingBean(EntityStore.class)
		JpaEntityStore fsmEntityStore(EntityManagerFactory entityManagerFactory,
				ObjectProvider<ConversionService> conversionService) {
			return new JpaEntityStore(entityManagerFactory,
					conversionService.getIfUnique(ApplicationConversionService::getSharedInstance));
		}

		/**
		 * Refuses, at flush, state changes that no transition made. Needs Hibernate:
		 * other JPA providers run without this check.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.hibernate.event.spi.PreUpdateEventListener")
		static class StateFieldGuardConfiguration {

			@Bean
			@ConditionalOnMissingBean
			StateFieldGuard fsmStateFieldGuard(EntityManagerFactory entityManagerFactory, WorkflowRegistry registry,
					Clock clock) {
				return StateFieldGuard.register(entityManagerFactory, registry, clock);
			}

		}

	}

	/**
	 * Bean Validation of transition arguments with the application's validator (Spring
	 * Boot's, which translates messages through the {@code MessageSource}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "jakarta.validation.executable.ExecutableValidator")
	static class ValidationConfiguration {

		@Bean
		@ConditionalOnMissingBean(ArgumentValidator.class)
		@ConditionalOnSingleCandidate(jakarta.validation.Validator.class)
		BeanValidationArguments fsmArgumentValidator(jakarta.validation.Validator validator,
				WorkflowRegistry registry) {
			return new BeanValidationArguments(validator, registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MethodSecurityExpressionHandler.class)
	static class SecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean(ActorProvider.class)
		SecurityActorProvider fsmActorProvider(ObjectProvider<SecurityContextHolderStrategy> strategy) {
			return new SecurityActorProvider(strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy));
		}

		@Bean
		@ConditionalOnMissingBean(PermissionCompiler.class)
		SecurityPermissionCompiler fsmPermissionCompiler(ObjectProvider<MethodSecurityExpressionHandler> handler,
				ObjectProvider<SecurityContextHolderStrategy> strategy, ObjectProvider<RoleHierarchy> roleHierarchy,
				ObjectProvider<PermissionEvaluator> permissionEvaluator, GuardEvaluationContexts contexts,
				ApplicationContext applicationContext) {
			MethodSecurityExpressionHandler expressionHandler = handler.getIfUnique(() -> {
				DefaultMethodSecurityExpressionHandler defaultHandler = new DefaultMethodSecurityExpressionHandler();
				defaultHandler.setApplicationContext(applicationContext);
				roleHierarchy.ifUnique(defaultHandler::setRoleHierarchy);
				permissionEvaluator.ifUnique(defaultHandler::setPermissionEvaluator);
				return defaultHandler;
			});
			return new SecurityPermissionCompiler(expressionHandler,
					strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy), contexts);
		}

	}

	/**
	 * Makes sure an auto-proxy creator applies the transition advisor to flow beans, even
	 * when Spring Boot's AOP auto-configuration is switched off.
	 */
	static class AutoProxyCreatorRegistrar implements ImportBeanDefinitionRegistrar {

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
		}

	}

}
