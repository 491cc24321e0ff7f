package dev.fsm.autoconfigure;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;

import dev.fsm.TransitionHistory;
import dev.fsm.Transitions;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.engine.EntityStore;
import dev.fsm.web.ApiExposure;
import dev.fsm.web.WorkflowApiController;
import dev.fsm.web.WorkflowApiExceptionHandler;
import dev.fsm.web.WorkflowApiSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

class FsmWebAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, FsmAutoConfiguration.class,
				FsmDiagramAutoConfiguration.class, FsmWebAutoConfiguration.class));

	@AfterEach
	void clearUser() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void isOffByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(Transitions.class)
			.doesNotHaveBean(WorkflowApiController.class)
			.doesNotHaveBean(WorkflowApiExceptionHandler.class));
	}

	@Test
	void servesTheApiWhenEnabledAndWithSpringSecurityNeedsAnAuthenticatedUser() {
		this.runner.withPropertyValues("fsm.web.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(WorkflowApiController.class)
				.hasSingleBean(WorkflowApiExceptionHandler.class);
			WorkflowApiController api = context.getBean(WorkflowApiController.class);
			assertThatRuntimeException().isThrownBy(api::workflows)
				.withMessage("The workflow API needs an authenticated user");
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ann", "secret",
						AuthorityUtils.createAuthorityList("ROLE_USER")));
			assertThat(api.workflows()).isEmpty();
		});
	}

	@Test
	void withoutSpringSecurityEveryCallerIsLetThroughToTheTransitionsOwnChecks() {
		this.runner.withPropertyValues("fsm.web.enabled=true")
			.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> assertThat(context.getBean(WorkflowApiController.class).workflows()).isEmpty());
	}

	@Test
	void backsOffFromTheApplicationsOwnControllerAndExceptionHandler() {
		this.runner.withPropertyValues("fsm.web.enabled=true").withUserConfiguration(OwnApi.class).run((context) -> {
			assertThat(context).getBean(WorkflowApiController.class).isSameAs(context.getBean("ownApi"));
			assertThat(context).getBean(WorkflowApiExceptionHandler.class).isSameAs(context.getBean("ownProblems"));
		});
	}

	@Test
	void servesNothingWithoutSpringMvc() {
		this.runner.withPropertyValues("fsm.web.enabled=true")
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WorkflowApiController.class));
	}

	@Test
	void servesNothingOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
					FsmAutoConfiguration.class, FsmWebAutoConfiguration.class))
			.withPropertyValues("fsm.web.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WorkflowApiController.class));
	}

	@Test
	void bindsTheWebProperties() {
		this.runner
			.withPropertyValues("fsm.web.enabled=true", "fsm.web.base-path=/ops", "fsm.web.exposure=annotated",
					"fsm.web.require-if-match=true", "fsm.security.default-permission=isAuthenticated()")
			.run((context) -> {
				FsmProperties properties = context.getBean(FsmProperties.class);
				assertThat(properties.getWeb().getBasePath()).isEqualTo("/ops");
				assertThat(properties.getWeb().getExposure()).isEqualTo(ApiExposure.ANNOTATED);
				assertThat(properties.getWeb().isRequireIfMatch()).isTrue();
				assertThat(properties.getSecurity().getDefaultPermission()).isEqualTo("isAuthenticated()");
			});
	}

	@Test
	void limitsTheInputByDefaultAndAsConfigured() {
		this.runner.withPropertyValues("fsm.web.enabled=true").run((context) -> {
			FsmProperties.Web web = context.getBean(FsmProperties.class).getWeb();
			assertThat(web.getMaxRequestSize()).isEqualTo(DataSize.ofKilobytes(64));
			assertThat(web.getMaxPageSize()).isEqualTo(500);
		});
		this.runner.withPropertyValues("fsm.web.enabled=true", "fsm.web.max-request-size=1MB", "fsm.web.max-page-size=50")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				FsmProperties.Web web = context.getBean(FsmProperties.class).getWeb();
				assertThat(web.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
				assertThat(web.getMaxPageSize()).isEqualTo(50);
			});
	}

	@Test
	void aLimitBelowOneFailsTheStartUp() {
		this.runner.withPropertyValues("fsm.web.enabled=true", "fsm.web.max-page-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("fsm.web.max-request-size (65536B) and fsm.web.max-page-size (0) must be at least 1"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnApi {

		@Bean
		WorkflowApiController ownApi(Transitions transitions, EntityStore store,
				PlatformTransactionManager transactionManager, EntityManagerFactory entityManagerFactory,
				ObjectProvider<WorkflowDiagrams> diagrams, ObjectProvider<TransitionHistory> history) {
			return new WorkflowApiController(transitions, store, transactionManager, entityManagerFactory, diagrams,
					history, null, new WorkflowApiSettings(ApiExposure.ANNOTATED, true), () -> true);
		}

		@Bean
		WorkflowApiExceptionHandler ownProblems() {
			return new WorkflowApiExceptionHandler();
		}

	}

}
