package dev.fsm.autoconfigure;

import java.time.Clock;
import java.util.List;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Import;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.transaction.PlatformTransactionManager;

import dev.fsm.Transitions;
import dev.fsm.WorkflowMessages;
import dev.fsm.engine.ConcurrencySettings;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;
import dev.fsm.engine.TransitionExecutor;
import dev.fsm.engine.WorkflowDiscovery;
import dev.fsm.metamodel.GuardCompiler;
import dev.fsm.metamodel.PermissionCompiler;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.ActorProvider;
import dev.fsm.spi.ArgumentValidator;
import dev.fsm.spi.EntityStore;
import dev.fsm.spi.TransitionObserver;
import dev.fsm.spi.TransitionRecorder;

/**
 * Auto-configuration of the transition engine: the advisor around {@code @Transition}
 * methods, the workflow registry (built and validated at start-up), and the
 * {@link Transitions} facade. Uses JPA, a transaction manager, Spring Security and Bean
 * Validation (of transition arguments) when the application has them, through the
 * configuration each of those packages has; the engine's own beans last, as they back off
 * from the adapters' store and actor.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration" })
@EnableConfigurationProperties({ FsmProperties.class, FsmValidationProperties.class, FsmSecurityProperties.class,
		FsmLockingProperties.class, FsmRetryProperties.class })
@Import({ FsmAutoConfiguration.AutoProxyCreatorRegistrar.class, FsmAutoConfiguration.Packages.class })
public final class FsmAutoConfiguration {

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
	 * The configurations of the packages this auto-configuration wires, the adapters
	 * first: the engine's store and actor back off from theirs.
	 */
	static final class Packages extends PackageConfigurations {

		Packages() {
			super("dev.fsm.jpa.JpaConfiguration", "dev.fsm.validation.ValidationConfiguration",
					"dev.fsm.security.SecurityConfiguration", "dev.fsm.messages.MessagesConfiguration",
					"dev.fsm.engine.EngineConfiguration");
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
