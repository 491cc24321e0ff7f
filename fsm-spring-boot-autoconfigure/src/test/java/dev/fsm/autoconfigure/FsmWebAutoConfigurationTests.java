package dev.fsm.autoconfigure;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.ParseException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;

import dev.fsm.TransitionHistory;
import dev.fsm.Transitions;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.autoconfigure.badfilter.BadFilterConfiguration;
import dev.fsm.autoconfigure.badsearch.BadSearchConfiguration;
import dev.fsm.autoconfigure.unopened.UnopenedConfiguration;
import dev.fsm.spi.EntityStore;
import dev.fsm.web.ApiAccess;
import dev.fsm.web.ApiExposure;
import dev.fsm.web.WorkflowApiController;
import dev.fsm.web.WorkflowApiExceptionHandler;
import dev.fsm.web.WorkflowApiSettings;
import dev.fsm.web.WorkflowReadAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

@ExtendWith(OutputCaptureExtension.class)
class FsmWebAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, FsmAutoConfiguration.class, FsmDiagramAutoConfiguration.class,
				FsmWebAutoConfiguration.class));

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
	void withoutSpringSecurityTheApiDoesNotStartAndSaysWhy() {
		this.runner.withPropertyValues("fsm.web.enabled=true")
			.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(failure).rootCause().isInstanceOf(UnprotectedWorkflowApiException.class);
				FailureAnalysis analysis = new UnprotectedWorkflowApiFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo("The workflow HTTP API (fsm.web.enabled) or console"
						+ " (fsm.console.enabled) is on, but Spring Security is not on the class path: nobody would be"
						+ " asked who they are, and whoever reaches the application could read every entity of every"
						+ " workflow and fire every transition.");
				assertThat(analysis.getAction()).startsWith("Add spring-boot-starter-security: ")
					.endsWith("set fsm.web.access=permit-all to serve them to whoever reaches them.");
			});
	}

	@Test
	void withoutSpringSecurityTheApiAnswersWhoeverReachesItOnlyWhenPermitAllIsSet() {
		this.runner.withPropertyValues("fsm.web.enabled=true", "fsm.web.access=permit-all")
			.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(FsmWebProperties.class).getAccess()).isEqualTo(ApiAccess.PERMIT_ALL);
				assertThat(context.getBean(WorkflowApiController.class).workflows()).isEmpty();
			});
	}

	@Test
	void withSpringSecurityPermitAllNeedsNoUser() {
		this.runner.withPropertyValues("fsm.web.enabled=true", "fsm.web.access=permit-all")
			.run((context) -> assertThat(context.getBean(WorkflowApiController.class).workflows()).isEmpty());
	}

	@Test
	void theReadPropertiesAreExpressionsThatMustParse() {
		this.runner.withPropertyValues("fsm.web.enabled=true", "fsm.web.read-all=hasRole('OPS'").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ParseException.class);
			assertThat(failure(context.getStartupFailure(), IllegalArgumentException.class))
				.hasMessageStartingWith("fsm.web.read-all 'hasRole('OPS'' cannot be used: ");
		});
		this.runner.withPropertyValues("fsm.web.enabled=true", "fsm.web.default-read-permission=#entity.")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(failure(context.getStartupFailure(), IllegalArgumentException.class))
					.hasMessageStartingWith("fsm.web.default-read-permission '#entity.' cannot be used: ");
			});
	}

	@Test
	void aReadFilterTheDatabaseRefusesFailsTheStartUpAndNamesTheWorkflow() {
		this.runner.withPropertyValues("fsm.web.enabled=true")
			.withUserConfiguration(BadFilterConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				WorkflowDefinitionException failure = failure(context.getStartupFailure(),
						WorkflowDefinitionException.class);
				assertThat(failure.getProblems()).hasSize(2);
				assertThat(failure.getProblems().get(0)).startsWith("Workflow 'Receipt.audit' has readFilter"
						+ " \"e.owner = :owner\" with parameters [owner] that nothing gives a value; write the user's"
						+ " values as :#{..}, such as :#{authentication.name}");
				assertThat(failure.getProblems().get(1)).startsWith("Workflow 'Receipt.state' has readFilter"
						+ " \"e.ownerName = :#{authentication.name}\" that is not a valid JPQL condition on its entity"
						+ " e: ")
					.contains("ownerName");
			});
	}

	@Test
	void aReadFilterWithoutAReadPermissionFailsTheStartUp() {
		this.runner.withPropertyValues("fsm.web.enabled=true")
			.withUserConfiguration(UnopenedConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(failure(context.getStartupFailure(), WorkflowDefinitionException.class).getProblems())
					.containsExactly("Workflow 'Coupon.state' has readFilter \"e.owner = :#{authentication.name}\""
							+ " but no readPermission, and fsm.web.default-read-permission is unset: the users it lists"
							+ " entities to could open none of them; declare @StateField(readPermission = ..) saying"
							+ " the same as the filter");
			});
		this.runner
			.withPropertyValues("fsm.web.enabled=true",
					"fsm.web.default-read-permission=#entity.owner == authentication.name")
			.withUserConfiguration(UnopenedConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static <T extends Throwable> T failure(Throwable failure, Class<T> type) {
		Throwable cause = failure;
		while (cause != null && !type.isInstance(cause)) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(type);
		return type.cast(cause);
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
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, FsmAutoConfiguration.class,
					FsmWebAutoConfiguration.class))
			.withPropertyValues("fsm.web.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WorkflowApiController.class));
	}

	@Test
	void bindsTheWebProperties() {
		this.runner
			.withPropertyValues("fsm.web.enabled=true", "fsm.web.base-path=/ops", "fsm.web.exposure=annotated",
					"fsm.web.require-if-match=true", "fsm.security.default-permission=isAuthenticated()",
					"fsm.web.read-all=hasRole('OPS')", "fsm.web.default-read-permission=#entity.owner == principal",
					"fsm.web.include-details=true")
			.run((context) -> {
				FsmWebProperties web = context.getBean(FsmWebProperties.class);
				assertThat(web.getBasePath()).isEqualTo("/ops");
				assertThat(web.getExposure()).isEqualTo(ApiExposure.ANNOTATED);
				assertThat(web.isRequireIfMatch()).isTrue();
				assertThat(context.getBean(FsmSecurityProperties.class).getDefaultPermission())
					.isEqualTo("isAuthenticated()");
				assertThat(web.getReadAll()).isEqualTo("hasRole('OPS')");
				assertThat(web.getDefaultReadPermission()).isEqualTo("#entity.owner == principal");
				assertThat(web.isIncludeDetails()).isTrue();
			});
	}

	@Test
	void readsAreClosedAndRefusalsInWordsByDefault(CapturedOutput output) {
		this.runner.withPropertyValues("fsm.web.enabled=true").run((context) -> {
			FsmWebProperties web = context.getBean(FsmWebProperties.class);
			assertThat(web.getAccess()).isEqualTo(ApiAccess.AUTHENTICATED);
			assertThat(web.getReadAll()).isNull();
			assertThat(web.getDefaultReadPermission()).isNull();
			assertThat(web.isIncludeDetails()).isFalse();
		});
		assertThat(output).contains("The workflow HTTP API is on, but nobody may read the entities of any workflow"
				+ " through it: set fsm.web.read-all");
		int before = output.getAll().length();
		this.runner.withPropertyValues("fsm.web.enabled=true", "fsm.web.read-all=hasRole('OPS')")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll().substring(before)).doesNotContain("nobody may read");
	}

	@Test
	void limitsTheInputByDefaultAndAsConfigured() {
		this.runner.withPropertyValues("fsm.web.enabled=true").run((context) -> {
			FsmWebProperties web = context.getBean(FsmWebProperties.class);
			assertThat(web.getMaxRequestSize()).isEqualTo(DataSize.ofKilobytes(64));
			assertThat(web.getMaxPageSize()).isEqualTo(500);
		});
		this.runner
			.withPropertyValues("fsm.web.enabled=true", "fsm.web.max-request-size=1MB", "fsm.web.max-page-size=50")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				FsmWebProperties web = context.getBean(FsmWebProperties.class);
				assertThat(web.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
				assertThat(web.getMaxPageSize()).isEqualTo(50);
			});
	}

	@Test
	void searchableAttributesThatAreNoBasicAttributesFailTheStartUpAllAtOnce() {
		this.runner.withPropertyValues("fsm.web.enabled=true", "fsm.web.access=permit-all")
			.withUserConfiguration(BadSearchConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				WorkflowDefinitionException failure = failure(context.getStartupFailure(),
						WorkflowDefinitionException.class);
				assertThat(failure.getProblems()).containsExactly(
						"Workflow 'GiftCard.state' declares searchable = \"owner\", which is no basic persistent attribute"
								+ " of GiftCard",
						"Workflow 'GiftCard.state' declares searchable = \"tags\", which is no basic persistent attribute"
								+ " of GiftCard");
			});
	}

	@Test
	void aBulkLimitBelowOneFailsTheStartUp() {
		this.runner.withPropertyValues("fsm.web.enabled=true", "fsm.web.max-bulk-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("fsm.web.max-bulk-size (0) must be at least 1"));
	}

	@Test
	void theBulkLimitAndTheHiddenFieldsAreProperties() {
		this.runner
			.withPropertyValues("fsm.web.enabled=true", "fsm.web.max-bulk-size=7",
					"fsm.web.hidden-fields=passwordHash,Customer.taxNumber")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				FsmWebProperties web = context.getBean(FsmWebProperties.class);
				assertThat(web.getMaxBulkSize()).isEqualTo(7);
				assertThat(web.getHiddenFields()).containsExactly("passwordHash", "Customer.taxNumber");
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
					history, null, new WorkflowApiSettings(ApiExposure.ANNOTATED, true),
					WorkflowReadAccess.permitAll());
		}

		@Bean
		WorkflowApiExceptionHandler ownProblems() {
			return new WorkflowApiExceptionHandler();
		}

	}

}
