package dev.fsm.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;

import dev.fsm.console.ConsoleController;
import dev.fsm.console.ConsoleSecurity;
import dev.fsm.console.ConsoleSettings;
import dev.fsm.console.SpringSecurityConsole;
import dev.fsm.web.WorkflowApiController;

/**
 * Auto-configuration of the workflow console under {@code fsm.console.path}, an
 * operator's UI over the HTTP API (which it turns on). Off unless
 * {@code fsm.console.enabled=true}. With Spring Security only users matching
 * {@code fsm.console.access} may open it, and its requests carry the CSRF token; without
 * Spring Security it is open to everyone who reaches it.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = FsmWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty("fsm.console.enabled")
@ConditionalOnBean(WorkflowApiController.class)
@EnableConfigurationProperties({ FsmConsoleProperties.class, FsmWebProperties.class })
public final class FsmConsoleAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConsoleController fsmConsoleController(FsmConsoleProperties console, FsmWebProperties web,
			ConsoleSecurity consoleSecurity, Environment environment) {
		String title = console.getTitle();
		if (!StringUtils.hasText(title)) {
			title = environment.getProperty("spring.application.name", "");
		}
		Map<String, String> entityUrls = new LinkedHashMap<>(console.getEntityUrls());
		String entityUrl = console.getEntityUrl();
		if (entityUrl != null && StringUtils.hasText(entityUrl)) {
			entityUrls.put("", entityUrl);
		}
		return new ConsoleController(
				new ConsoleSettings(console.getPath(), web.getBasePath(), title, console.getHome(), entityUrls),
				consoleSecurity);
	}

	/** For the start-up report. */
	@Bean
	StartupReport.Endpoint fsmConsoleEndpoint(FsmConsoleProperties console) {
		return new StartupReport.Endpoint("Console", console.getPath(), null);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.web.access.expression.WebExpressionAuthorizationManager")
	static final class WithSpringSecurity {

		@Bean
		@ConditionalOnMissingBean
		ConsoleSecurity fsmConsoleSecurity(FsmConsoleProperties console, ApplicationContext context) {
			org.springframework.security.core.context.SecurityContextHolderStrategy strategy = context
				.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
				.getIfAvailable(
						org.springframework.security.core.context.SecurityContextHolder::getContextHolderStrategy);
			return new SpringSecurityConsole(console.getAccess(), context, strategy);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.web.access.expression.WebExpressionAuthorizationManager")
	static final class WithoutSpringSecurity {

		@Bean
		@ConditionalOnMissingBean
		ConsoleSecurity fsmConsoleSecurity() {
			return ConsoleSecurity.none();
		}

	}

}
