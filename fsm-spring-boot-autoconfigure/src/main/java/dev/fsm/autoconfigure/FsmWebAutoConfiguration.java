package dev.fsm.autoconfigure;

import java.util.function.BooleanSupplier;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.DispatcherServlet;

import dev.fsm.TransitionHistory;
import dev.fsm.Transitions;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.engine.EntityStore;
import dev.fsm.web.WorkflowApiController;
import dev.fsm.web.WorkflowApiExceptionHandler;
import dev.fsm.web.WorkflowApiSettings;
import dev.fsm.web.WorkflowOpenApiCustomizer;

/**
 * Auto-configuration of the HTTP API of workflows under {@code fsm.web.base-path}. Off unless
 * {@code fsm.web.enabled=true} (or the console, which talks to it, is on): turning it on is a
 * security decision. Needs Spring MVC and JPA;
 * with Spring Security every endpoint needs an authenticated user, and the transitions' own
 * permissions decide what each user may fire.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = { FsmAutoConfiguration.class, FsmDiagramAutoConfiguration.class,
		FsmAuditAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, EntityManagerFactory.class, Pageable.class })
@Conditional(OnWorkflowApiCondition.class)
@ConditionalOnBean({ Transitions.class, EntityManagerFactory.class, PlatformTransactionManager.class })
@EnableConfigurationProperties(FsmProperties.class)
public final class FsmWebAutoConfiguration {

	private static final String JSON_MAPPER = "tools.jackson.databind.json.JsonMapper";

	private static final String SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextHolder";

	@Bean
	@ConditionalOnMissingBean
	WorkflowApiController workflowApiController(Transitions transitions, EntityStore store,
			PlatformTransactionManager transactionManager, EntityManagerFactory entityManagerFactory,
			ObjectProvider<WorkflowDiagrams> diagrams, ObjectProvider<TransitionHistory> history,
			FsmProperties properties, ConfigurableListableBeanFactory beanFactory) {
		BooleanSupplier authenticated = ClassUtils.isPresent(SECURITY_CONTEXT, beanFactory.getBeanClassLoader())
				? SecurityAuthentication.check(beanFactory) : () -> true;
		return new WorkflowApiController(transitions, store, transactionManager, entityManagerFactory, diagrams, history,
				jsonMapper(beanFactory), settings(properties), authenticated);
	}

	/** For the start-up report. */
	@Bean
	StartupReport.Endpoint fsmApiEndpoint(FsmProperties properties) {
		return new StartupReport.Endpoint("HTTP API", properties.getWeb().getBasePath(),
				properties.getWeb().getExposure());
	}

	@Bean
	@ConditionalOnMissingBean
	WorkflowApiExceptionHandler workflowApiExceptionHandler() {
		return new WorkflowApiExceptionHandler();
	}

	private static WorkflowApiSettings settings(FsmProperties properties) {
		FsmProperties.Web web = properties.getWeb();
		return new WorkflowApiSettings(web.getExposure(), web.isRequireIfMatch());
	}

	/** The API in the application's OpenAPI document, when it uses springdoc. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
	static final class OpenApiDocumentation {

		@Bean
		@ConditionalOnMissingBean
		WorkflowOpenApiCustomizer workflowOpenApiCustomizer(Transitions transitions, FsmProperties properties) {
			return new WorkflowOpenApiCustomizer(transitions, properties.getWeb().getBasePath(), settings(properties));
		}

	}

	/** The application's Jackson 3 mapper, when there is one. */
	private static @Nullable Object jsonMapper(ConfigurableListableBeanFactory beanFactory) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		if (!ClassUtils.isPresent(JSON_MAPPER, classLoader)) {
			return null;
		}
		return beanFactory.getBeanProvider(ClassUtils.resolveClassName(JSON_MAPPER, classLoader)).getIfUnique();
	}

	/** Kept apart so that Spring Security's classes load only when it is present. */
	private static final class SecurityAuthentication {

		static BooleanSupplier check(BeanFactory beanFactory) {
			org.springframework.security.core.context.SecurityContextHolderStrategy strategy = beanFactory
				.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
				.getIfAvailable(org.springframework.security.core.context.SecurityContextHolder::getContextHolderStrategy);
			return () -> {
				org.springframework.security.core.Authentication authentication = strategy.getContext()
					.getAuthentication();
				return authentication != null && authentication.isAuthenticated()
						&& !(authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
			};
		}

	}

}
