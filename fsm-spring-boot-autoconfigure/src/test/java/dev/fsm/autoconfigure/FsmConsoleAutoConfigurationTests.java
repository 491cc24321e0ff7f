package dev.fsm.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.ParseException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.DispatcherServlet;

import dev.fsm.console.ConsoleController;
import dev.fsm.console.ConsoleSecurity;
import dev.fsm.console.SpringSecurityConsole;
import dev.fsm.web.WorkflowApiController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FsmConsoleAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, FsmAutoConfiguration.class, FsmDiagramAutoConfiguration.class,
				FsmWebAutoConfiguration.class, FsmConsoleAutoConfiguration.class));

	@Test
	void isOffByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ConsoleController.class)
			.doesNotHaveBean(ConsoleSecurity.class)
			.doesNotHaveBean(WorkflowApiController.class));
	}

	@Test
	void servesTheConsoleAndTheApiItTalksToWhenEnabled() {
		this.runner.withPropertyValues("fsm.console.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ConsoleController.class).hasSingleBean(WorkflowApiController.class);
			assertThat(context).getBean(ConsoleSecurity.class).isInstanceOf(SpringSecurityConsole.class);
			FsmConsoleProperties console = context.getBean(FsmConsoleProperties.class);
			assertThat(console.getPath()).isEqualTo("/fsm");
			assertThat(console.getAccess()).isEqualTo("isAuthenticated()");
			assertThat(console.getTitle()).isNull();
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> context.getBean(ConsoleSecurity.class).checkAccess(new MockHttpServletRequest()))
				.withMessage("The workflow console is only for users with isAuthenticated()");
		});
	}

	@Test
	void withoutSpringSecurityTheConsoleDoesNotStart() {
		this.runner.withPropertyValues("fsm.console.enabled=true")
			.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(UnprotectedWorkflowApiException.class)
					.hasMessageContaining("set fsm.web.access=permit-all");
			});
	}

	@Test
	void withoutSpringSecurityTheConsoleIsOpenToWhoeverReachesItWhenPermitAllIsSet() {
		this.runner.withPropertyValues("fsm.console.enabled=true", "fsm.web.access=permit-all")
			.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> {
				ConsoleSecurity security = context.getBean(ConsoleSecurity.class);
				assertThat(security).isNotInstanceOf(SpringSecurityConsole.class);
				MockHttpServletRequest request = new MockHttpServletRequest();
				security.checkAccess(request);
				assertThat(security.csrf(request)).isNull();
			});
	}

	@Test
	void anEntityUrlThatIsNeitherAPathNorAnHttpUrlFailsTheStartUp() {
		this.runner.withPropertyValues("fsm.console.enabled=true", "fsm.console.entity-url=javascript:alert(1)//{id}")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("The console's entity URL 'javascript:alert(1)//{id}' is neither a path starting with /"
						+ " nor an http(s) URL"));
	}

	@Test
	void entityUrlsPerWorkflowAndForTheOthers() {
		this.runner
			.withPropertyValues("fsm.console.enabled=true", "fsm.console.entity-url=/things/{workflow}/{id}",
					"fsm.console.entity-urls[CaseReport.state]=https://reports.example.com/{id}")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				FsmConsoleProperties console = context.getBean(FsmConsoleProperties.class);
				assertThat(console.getEntityUrl()).isEqualTo("/things/{workflow}/{id}");
				assertThat(console.getEntityUrls())
					.containsExactly(java.util.Map.entry("CaseReport.state", "https://reports.example.com/{id}"));
			});
	}

	@Test
	void anAccessExpressionThatDoesNotParseFailsTheStartUp() {
		this.runner.withPropertyValues("fsm.console.enabled=true", "fsm.console.access=hasRole('OPS'")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(failure).hasRootCauseInstanceOf(ParseException.class);
				while (!(failure instanceof IllegalArgumentException) && failure.getCause() != null) {
					failure = failure.getCause();
				}
				assertThat(failure).hasMessage("The console's access expression (fsm.console.access)"
						+ " 'hasRole('OPS'' does not parse: Expression [hasRole('OPS'] @7: EL1051E: Unexpectedly ran"
						+ " out of arguments");
			});
	}

	@Test
	void backsOffFromTheApplicationsOwnConsoleSecurity() {
		this.runner.withPropertyValues("fsm.console.enabled=true")
			.withUserConfiguration(OwnSecurity.class)
			.run((context) -> assertThat(context).getBean(ConsoleSecurity.class).isSameAs(context.getBean("mine")));
	}

	@Test
	void servesNothingWithoutSpringMvc() {
		this.runner.withPropertyValues("fsm.console.enabled=true")
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ConsoleController.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSecurity {

		@Bean
		ConsoleSecurity mine() {
			return ConsoleSecurity.none();
		}

	}

}
