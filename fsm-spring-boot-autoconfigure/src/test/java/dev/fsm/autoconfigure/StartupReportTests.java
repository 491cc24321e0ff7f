package dev.fsm.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.mock.env.MockEnvironment;

import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.autoconfigure.lamp.LampApplication;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.web.ApiExposure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The block the starter logs once the application is ready: the workflows it found, with
 * their states, transitions and timers, whether the HTTP API offers them, and the URLs it
 * serves.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupReportTests {

	private static final String NL = System.lineSeparator();

	@Test
	void listsEachWorkflowAndTheUrlsOfTheApiAndTheConsole() {
		List<StartupReport.Endpoint> endpoints = List.of(new StartupReport.Endpoint("Console", "/fsm", null),
				new StartupReport.Endpoint("HTTP API", "/api/workflows", ApiExposure.ALL));
		assertThat(StartupReport.message(workflows(Claim.class, Lamp.class), endpoints, "http://localhost:8080"))
			.isEqualTo("2 workflows, checked at start-up:" + NL
					+ "  Claim.phase  3 states: FILED (initial), REVIEWED, CLOSED (final)" + NL
					+ "               3 transitions: expire, review, close" + NL
					+ "               1 timer: expire after 30 days in FILED" + NL
					+ "               over HTTP: every transition" + NL + "  Lamp.state   2 states: OFF (initial), ON"
					+ NL + "               2 transitions: switchOn, switchOff" + NL
					+ "               over HTTP: every transition" + NL
					+ "  HTTP API: http://localhost:8080/api/workflows" + NL + "  Console: http://localhost:8080/fsm");
	}

	@Test
	void withAnnotatedExposureNamesWhatTheApiOffers() {
		List<StartupReport.Endpoint> endpoints = List
			.of(new StartupReport.Endpoint("HTTP API", "/api/workflows", ApiExposure.ANNOTATED));
		assertThat(StartupReport.message(workflows(Claim.class, Lamp.class), endpoints, ""))
			.contains("               over HTTP: review (api=true)" + NL + "  Lamp.state")
			.contains("               not over HTTP (no transition has api=true)" + NL + "  HTTP API: /api/workflows");
	}

	@Test
	void withoutTheApiSaysHowToTurnItOn() {
		assertThat(StartupReport.message(workflows(Lamp.class), List.of(), "http://localhost:8080"))
			.isEqualTo("1 workflow, checked at start-up:" + NL + "  Lamp.state  2 states: OFF (initial), ON" + NL
					+ "              2 transitions: switchOn, switchOff" + NL
					+ "  HTTP API and console: off (fsm.web.enabled=true, fsm.console.enabled=true)");
	}

	@Test
	void withoutWorkflowsSaysWhereTheyAreLookedFor() {
		assertThat(StartupReport.message(List.of(), List.of(), "")).isEqualTo("No workflows: no JPA entity, no"
				+ " bean's @Transition method and no class in the application's packages declares a @StateField");
	}

	@Test
	void durationsInWords() {
		assertThat(StartupReport.duration(Duration.ofDays(30))).isEqualTo("30 days");
		assertThat(StartupReport.duration(Duration.ofHours(1))).isEqualTo("1 hour");
		assertThat(StartupReport.duration(Duration.ofMinutes(2))).isEqualTo("2 minutes");
		assertThat(StartupReport.duration(Duration.ofSeconds(90))).isEqualTo("90 seconds");
		assertThat(StartupReport.duration(Duration.ofMillis(1500))).isEqualTo("PT1.5S");
	}

	@Test
	void theBaseUrlIsTheRunningServersWithItsContextPath() {
		assertThat(StartupReport.baseUrl(new MockEnvironment())).isEmpty();
		assertThat(StartupReport.baseUrl(new MockEnvironment().withProperty("local.server.port", "18101")))
			.isEqualTo("http://localhost:18101");
		assertThat(StartupReport.baseUrl(new MockEnvironment().withProperty("local.server.port", "18101")
			.withProperty("server.servlet.context-path", "/app"))).isEqualTo("http://localhost:18101/app");
	}

	@Test
	void isLoggedOnceWhenTheApplicationIsReady(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportedApplication.class)
			.web(WebApplicationType.NONE)
			.run()) {
			assertThat(output).containsOnlyOnce(
					"1 workflow, checked at start-up:" + NL + "  Lamp.state  2 states: OFF (initial), ON (final)" + NL
							+ "              1 transition: switchOn" + NL);
			assertThat(output.toString().indexOf("Lamp.state")).isGreaterThan(output.toString().indexOf("Started"));
		}
	}

	@Test
	void theApiAndTheConsoleAddTheirUrls() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, FsmAutoConfiguration.class,
				FsmDiagramAutoConfiguration.class, FsmWebAutoConfiguration.class, FsmConsoleAutoConfiguration.class))
			.withPropertyValues("spring.datasource.generate-unique-name=true", "fsm.console.enabled=true",
					"fsm.console.path=/ops", "fsm.web.base-path=/workflows", "fsm.web.exposure=annotated")
			.run((context) -> assertThat(context.getBeansOfType(StartupReport.Endpoint.class).values())
				.containsExactlyInAnyOrder(new StartupReport.Endpoint("HTTP API", "/workflows", ApiExposure.ANNOTATED),
						new StartupReport.Endpoint("Console", "/ops", null)));
	}

	private static List<WorkflowModel> workflows(Class<?>... types) {
		WorkflowIntrospector introspector = new WorkflowIntrospector(
				new SpelGuardCompiler(
						new GuardEvaluationContexts(new BeanFactoryResolver(new DefaultListableBeanFactory())), null),
				false);
		for (Class<?> type : types) {
			introspector.addEntityType(type);
		}
		return introspector.build().workflows();
	}

	@Configuration(proxyBeanMethods = false)
	@Import(LampApplication.class)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, FsmAutoConfiguration.class })
	static class ReportedApplication {

	}

	enum Phase {

		FILED, REVIEWED, CLOSED

	}

	static class Claim {

		@StateField
		Phase phase = Phase.FILED;

		@StateChangedAt
		Instant phaseChangedAt;

		@Transition(source = "FILED", target = "REVIEWED", properties = "api=true")
		public void review() {
		}

		@Transition(source = "FILED", target = "CLOSED", after = "P30D")
		public void expire() {
		}

		@Transition(source = "REVIEWED", target = "CLOSED")
		public void close() {
		}

	}

	static class Lamp {

		@StateField(states = { "OFF", "ON" })
		String state = "OFF";

		@Transition(source = "OFF", target = "ON")
		public void switchOn() {
		}

		@Transition(source = "ON", target = "OFF")
		public void switchOff() {
		}

	}

}
