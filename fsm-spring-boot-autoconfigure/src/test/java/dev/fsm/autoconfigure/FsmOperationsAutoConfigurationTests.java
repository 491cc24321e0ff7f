package dev.fsm.autoconfigure;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fsm.Transitions;
import dev.fsm.operations.EntityGauges;
import dev.fsm.operations.StateCounts;
import dev.fsm.operations.StoredStateCheck;
import dev.fsm.operations.StuckEntitiesHealthIndicator;
import dev.fsm.operations.TimeInStateObserver;
import dev.fsm.timer.Review;

import static org.assertj.core.api.Assertions.assertThat;

class FsmOperationsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, FsmAutoConfiguration.class, FsmOperationsAutoConfiguration.class))
		.withPropertyValues("fsm.validation.fail-on-unreachable-states=false",
				"spring.datasource.generate-unique-name=true")
		.withUserConfiguration(Reviews.class);

	@Test
	void defaults() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(StateCounts.class).hasSingleBean(StoredStateCheck.class);
			assertThat(context).doesNotHaveBean(EntityGauges.class).doesNotHaveBean(TimeInStateObserver.class);
			assertThat(context.getBean(FsmValidationProperties.class).getStoredStates())
				.isEqualTo(StoredStateCheck.Mode.WARN);
			FsmMetricsProperties metrics = context.getBean(FsmMetricsProperties.class);
			assertThat(metrics.getEntities().isEnabled()).isFalse();
			assertThat(metrics.getEntities().getRefreshInterval()).isEqualTo(Duration.ofMinutes(1));
			assertThat(metrics.getTimeInState().isEnabled()).isTrue();
			assertThat(metrics.getTimeInState().isFromAuditTrail()).isFalse();
			FsmHealthProperties health = context.getBean(FsmHealthProperties.class);
			assertThat(health.getStuck().isEnabled()).isFalse();
			assertThat(health.getStuck().getStatus()).isEqualTo("OUT_OF_SERVICE");
			assertThat(context.getBean(StoredStateCheck.class).check().checked()).containsExactly("TimerReview.state");
		});
	}

	@Test
	void withAMeterRegistryTheGaugesCountNothingUnlessSwitchedOnAndTheHealthIndicatorIsOff() {
		this.runner.withUserConfiguration(Meters.class).run((context) -> {
			assertThat(context).hasSingleBean(TimeInStateObserver.class)
				.doesNotHaveBean(StuckEntitiesHealthIndicator.class);
			assertThat(context.getBean(EntityGauges.class).workflows()).isEmpty();
			assertThat(context.getBean(EntityGauges.class).isRunning()).as("nothing to count, nothing scheduled")
				.isFalse();
		});
		this.runner.withUserConfiguration(Meters.class)
			.withPropertyValues("fsm.metrics.entities.enabled=true", "fsm.health.stuck.enabled=true",
					"fsm.metrics.time-in-state.enabled=false")
			.run((context) -> {
				assertThat(context.getBean(EntityGauges.class).workflows()).containsExactly("TimerReview.state");
				assertThat(context).hasSingleBean(StuckEntitiesHealthIndicator.class)
					.doesNotHaveBean(TimeInStateObserver.class);
			});
	}

	@Test
	void refusesAHealthStatusOtherThanDownOrOutOfService() {
		this.runner.withUserConfiguration(Meters.class)
			.withPropertyValues("fsm.health.stuck.enabled=true", "fsm.health.stuck.status=WARNING")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("fsm.health.stuck.status must be OUT_OF_SERVICE or DOWN, not 'WARNING'"));
	}

	@Test
	void backsOffFromUserBeans() {
		this.runner.withUserConfiguration(OwnCheck.class)
			.run((context) -> assertThat(context).getBean(StoredStateCheck.class)
				.isSameAs(context.getBean(OwnCheck.class).check));
	}

	@Test
	void withoutMicrometerOrHibernateItAddsNothing() {
		this.runner.withUserConfiguration(Meters.class)
			.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasSingleBean(StoredStateCheck.class)
				.doesNotHaveBean(EntityGauges.class));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FsmAutoConfiguration.class, FsmOperationsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StoredStateCheck.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Review.class)
	static class Reviews {

	}

	@Configuration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCheck {

		final StoredStateCheck check = new StoredStateCheck(null, null, StoredStateCheck.Mode.OFF);

		@Bean
		StoredStateCheck storedStateCheck(Transitions transitions, StateCounts counts) {
			return this.check;
		}

	}

}
