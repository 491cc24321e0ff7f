package dev.fsm.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.Transitions;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.actuate.WorkflowsEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

class FsmEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FsmAutoConfiguration.class, FsmDiagramAutoConfiguration.class,
				FsmEndpointAutoConfiguration.class))
		.withUserConfiguration(BellFlow.class);

	@Test
	void providesTheEndpointWhenExposedOverTheWeb() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=workflows").run((context) -> {
			assertThat(context).hasSingleBean(WorkflowsEndpoint.class);
			assertThat(context.getBean(WorkflowsEndpoint.class).workflows().workflows()).singleElement()
				.satisfies((workflow) -> {
					assertThat(workflow.name()).isEqualTo("Bell.state");
					assertThat(workflow.transitions()).singleElement()
						.satisfies((ring) -> assertThat(ring.permission()).isEqualTo("hasRole('PORTER')"));
				});
		});
	}

	@Test
	void providesNoEndpointWhenNotExposed() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WorkflowsEndpoint.class));
	}

	@Test
	void providesNoEndpointWhenExposedOverJmxOnly() {
		this.runner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=workflows")
			.run((context) -> assertThat(context).doesNotHaveBean(WorkflowsEndpoint.class));
	}

	@Test
	void providesNoEndpointWhenItsAccessIsNone() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=workflows",
					"management.endpoint.workflows.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(WorkflowsEndpoint.class));
	}

	@Test
	void providesNoEndpointWithoutActuator() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=workflows")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WorkflowsEndpoint.class)
				.hasSingleBean(Transitions.class));
	}

	@Test
	void backsOffFromAnEndpointOfTheUser() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=workflows")
			.withUserConfiguration(UserEndpoint.class)
			.run((context) -> assertThat(context).getBean(WorkflowsEndpoint.class)
				.isSameAs(context.getBean("myWorkflowsEndpoint")));
	}

	@Test
	void providesNoEndpointWithoutTheTransitionEngine() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FsmEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=workflows")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WorkflowsEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpoint {

		@Bean
		WorkflowsEndpoint myWorkflowsEndpoint(Transitions transitions, WorkflowDiagrams diagrams) {
			return new WorkflowsEndpoint(transitions, diagrams);
		}

	}

	public static class Bell {

		@StateField(states = { "QUIET", "RINGING" })
		String state = "QUIET";

	}

	/** A flow bean, so the workflow of {@link Bell} is known at start-up. */
	public static class BellFlow {

		@Transition(source = "QUIET", target = "RINGING", permission = "hasRole('PORTER')")
		public void ring(Bell bell) {
		}

	}

}
