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
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
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
import dev.fsm.WorkflowMessages;
import dev.fsm.metamodel.GuardCompiler;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.EntityStore;
import dev.fsm.web.ApiAccess;
import dev.fsm.web.WorkflowApiController;
import dev.fsm.web.WorkflowApiExceptionHandler;
import dev.fsm.web.WorkflowApiSettings;
import dev.fsm.web.WorkflowOpenApiCustomizer;
import dev.fsm.web.WorkflowReadAccess;

/**
 * Auto-configuration of the HTTP API of workflows under {@code fsm.web.base-path}. Off
 * unless {@code fsm.web.enabled=true} (or the console, which talks to it, is on): turning
 * it on is a security decision. Needs Spring MVC and JPA, and Spring Security unless
 * {@code fsm.web.access=permit-all} says explicitly that whoever reaches the API may read
 * and fire everything: without either the application does not start. With Spring
 * Security every endpoint needs an authenticated user, reads are closed by default
 * ({@code fsm.web.read-all}, {@code @StateField(readPermission, readFilter)}), and the
 * transitions' own permissions decide what each user may fire.
 *
 * @since 0.2.0
 */
@AutoConfiguration(
		after = { FsmAutoConfiguration.class, FsmDiagramAutoConfiguration.class, FsmAuditAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, EntityManagerFactory.class, Pageable.class })
@Conditional(OnWorkflowApiCondition.class)
@ConditionalOnBean({ Transitions.class, EntityManagerFactory.class, PlatformTransactionManager.class })
@EnableConfigurationProperties(FsmWebProperties.class)
public final class FsmWebAutoConfiguration {

	private static final String JSON_MAPPER = "tools.jackson.databind.json.JsonMapper";

	private static final String SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextHolder";

	@Bean
	@ConditionalOnMissingBean
	WorkflowApiController workflowApiController(Transitions transitions, EntityStore store,
			PlatformTransactionManager transactionManager, EntityManagerFactory entityManagerFactory,
			ObjectProvider<WorkflowDiagrams> diagrams, ObjectProvider<TransitionHistory> history,
			FsmWebProperties properties, ConfigurableListableBeanFactory beanFactory, WorkflowRegistry registry,
			GuardCompiler guards, ObjectProvider<WorkflowMessages> messages) {
		return new WorkflowApiController(transitions, store, transactionManager, entityManagerFactory, diagrams,
				history, jsonMapper(beanFactory), settings(properties),
				readAccess(properties, registry, guards, beanFactory),
				messages.getIfUnique(() -> WorkflowMessages.ANNOTATIONS));
	}

	/** For the start-up report. */
	@Bean
	StartupReport.Endpoint fsmApiEndpoint(FsmWebProperties properties) {
		return new StartupReport.Endpoint("HTTP API", properties.getBasePath(), properties.getExposure());
	}

	@Bean
	@ConditionalOnMissingBean
	WorkflowApiExceptionHandler workflowApiExceptionHandler(FsmWebProperties properties) {
		return new WorkflowApiExceptionHandler(properties.isIncludeDetails());
	}

	private static WorkflowApiSettings settings(FsmWebProperties web) {
		if (web.getMaxRequestSize().toBytes() < 1 || web.getMaxPageSize() < 1) {
			throw new IllegalStateException("fsm.web.max-request-size (" + web.getMaxRequestSize()
					+ ") and fsm.web.max-page-size (" + web.getMaxPageSize() + ") must be at least 1");
		}
		if (web.getMaxBulkSize() < 1) {
			throw new IllegalStateException("fsm.web.max-bulk-size (" + web.getMaxBulkSize() + ") must be at least 1");
		}
		return new WorkflowApiSettings(web.getExposure(), web.isRequireIfMatch(), web.isIncludeDetails(),
				web.getMaxRequestSize().toBytes(), web.getMaxPageSize(), web.getMaxBulkSize(), web.getHiddenFields());
	}

	private static WorkflowReadAccess readAccess(FsmWebProperties web, WorkflowRegistry registry, GuardCompiler guards,
			ConfigurableListableBeanFactory beanFactory) {
		if (web.getAccess() == ApiAccess.PERMIT_ALL) {
			return WorkflowReadAccess.permitAll();
		}
		if (!ClassUtils.isPresent(SECURITY_CONTEXT, beanFactory.getBeanClassLoader())) {
			throw new UnprotectedWorkflowApiException();
		}
		return WorkflowReadAccess.of(registry, guards, web.getReadAll(), web.getDefaultReadPermission(),
				SecurityAuthentication.check(beanFactory));
	}

	/**
	 * Without Spring Security the API and the console (which needs the API) start only
	 * when {@code fsm.web.access=permit-all} says so; checked here too, so that an
	 * application's own controller does not skip it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(SECURITY_CONTEXT)
	static final class WithoutSpringSecurity {

		WithoutSpringSecurity(FsmWebProperties properties) {
			if (properties.getAccess() != ApiAccess.PERMIT_ALL) {
				throw new UnprotectedWorkflowApiException();
			}
		}

	}

	/** The API in the application's OpenAPI document, when it uses springdoc. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
	static final class OpenApiDocumentation {

		@Bean
		@ConditionalOnMissingBean
		WorkflowOpenApiCustomizer workflowOpenApiCustomizer(Transitions transitions, FsmWebProperties properties,
				ConfigurableListableBeanFactory beanFactory) {
			return new WorkflowOpenApiCustomizer(transitions, properties.getBasePath(), settings(properties),
					beanFactory);
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
				.getIfAvailable(
						org.springframework.security.core.context.SecurityContextHolder::getContextHolderStrategy);
			return () -> {
				org.springframework.security.core.Authentication authentication = strategy.getContext()
					.getAuthentication();
				return authentication != null && authentication.isAuthenticated()
						&& !(authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
			};
		}

	}

}
