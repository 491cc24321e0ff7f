package dev.fsm.observation;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fsm.DefaultTransitionObservationConvention;
import dev.fsm.TransitionObservationContext;
import dev.fsm.TransitionObservationConvention;
import dev.fsm.Transitions;
import dev.fsm.autoconfigure.FsmAutoConfiguration;
import dev.fsm.autoconfigure.FsmObservationAutoConfiguration;
import dev.fsm.autoconfigure.lamp.Lamp;
import dev.fsm.autoconfigure.lamp.LampApplication;
import dev.fsm.spi.TransitionObserver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration of observations, beside the package-private observer it
 * configures.
 */
class FsmObservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FsmAutoConfiguration.class, FsmObservationAutoConfiguration.class))
		.withUserConfiguration(LampApplication.class);

	@Test
	void observesTransitionsWhenBootConfiguresAnObservationRegistry() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ObservationRegistry.class)
				.getBean(TransitionObserver.class)
				.isInstanceOf(ObservationTransitionObserver.class));
	}

	@Test
	void reportsEveryAttemptToTheRegistryWithTheDefaultConvention() {
		this.runner.withUserConfiguration(TestRegistry.class).run((context) -> {
			Lamp lamp = new Lamp();
			context.getBean(Transitions.class).on(lamp).switchOn();
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasSingleObservationThat()
				.hasNameEqualTo("fsm.transition")
				.hasLowCardinalityKeyValue("workflow", "Lamp.state")
				.hasLowCardinalityKeyValue("transition", "switchOn")
				.hasLowCardinalityKeyValue("source", "OFF")
				.hasLowCardinalityKeyValue("target", "ON")
				.hasLowCardinalityKeyValue("outcome", "completed")
				.hasHighCardinalityKeyValue("entity.id", "none");
		});
	}

	@Test
	void usesTheConventionOfTheUser() {
		this.runner.withUserConfiguration(TestRegistry.class, TenantConvention.class).run((context) -> {
			context.getBean(Transitions.class).on(new Lamp()).switchOn();
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasSingleObservationThat()
				.hasNameEqualTo("lamps.switched")
				.hasLowCardinalityKeyValue("tenant", "acme")
				.hasLowCardinalityKeyValue("outcome", "completed");
		});
	}

	@Test
	void canBeSwitchedOffWithBootsObservationProperties() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withUserConfiguration(TestRegistry.class)
			.withPropertyValues("management.observations.enable.fsm.transition=false")
			.run((context) -> {
				context.getBean(Transitions.class).on(new Lamp()).switchOn();
				TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
					.doesNotHaveAnyObservation();
			});
	}

	@Test
	void keepsObservingBesideAnObserverOfTheUser() {
		this.runner.withUserConfiguration(TestRegistry.class, UserObserver.class).run((context) -> {
			assertThat(context).hasSingleBean(ObservationTransitionObserver.class).hasBean("myObserver");
			context.getBean(Transitions.class).on(new Lamp()).switchOn();
			assertThat(context.getBean(UserObserver.class).observed).containsExactly("switchOn");
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasSingleObservationThat()
				.hasLowCardinalityKeyValue("transition", "switchOn")
				.hasLowCardinalityKeyValue("outcome", "completed");
		});
	}

	@Test
	void backsOffFromAnObservationObserverOfTheUser() {
		this.runner.withUserConfiguration(TestRegistry.class, UserObservationObserver.class)
			.run((context) -> assertThat(context).getBean(ObservationTransitionObserver.class)
				.isSameAs(context.getBean("myObservationObserver")));
	}

	@Test
	void addsNoObserverWithoutAnObservationRegistry() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(TransitionObserver.class);
			Lamp lamp = new Lamp();
			context.getBean(Transitions.class).on(lamp).switchOn();
			assertThat(context.getBean(Transitions.class).state(lamp)).isEqualTo("ON");
		});
	}

	@Test
	void addsNoObserverWithoutMicrometer() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TransitionObserver.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class TestRegistry {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TenantConvention {

		@Bean
		TransitionObservationConvention tenantConvention() {
			return new DefaultTransitionObservationConvention() {

				@Override
				public String getName() {
					return "lamps.switched";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(TransitionObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserObserver {

		final List<String> observed = new ArrayList<>();

		@Bean
		TransitionObserver myObserver() {
			return (attempt, execution) -> {
				this.observed.add(attempt.transition());
				return execution.proceed();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserObservationObserver {

		@Bean
		ObservationTransitionObserver myObservationObserver(ObservationRegistry registry) {
			return new ObservationTransitionObserver(registry, null);
		}

	}

}
