package dev.fsm.autoconfigure;

import java.time.Clock;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

import dev.fsm.TransitionHistory;
import dev.fsm.Transitions;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.operations.EntityGauges;
import dev.fsm.operations.StateCounts;
import dev.fsm.operations.StoredStateCheck;
import dev.fsm.operations.StuckEntitiesHealthIndicator;
import dev.fsm.operations.TimeInStateObserver;

/**
 * Auto-configuration of what an operator needs of the stored entities:
 * {@link StateCounts} (one {@code GROUP BY} per workflow, in SQL), the
 * {@link StoredStateCheck} of stored states against the declared ones, run at start-up as
 * {@code fsm.validation.stored-states} says; with Micrometer, the gauges of entities per
 * state and of stuck entities ({@code fsm.metrics.entities.*}, off by default) and the
 * time in a state; with Actuator, the stuck-entities health indicator
 * ({@code fsm.health.stuck.enabled}, off by default). Needs JPA on Hibernate.
 *
 * @since 0.6.0
 */
@AutoConfiguration(after = FsmAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ EntityManagerFactory.class, SessionFactoryImplementor.class })
@ConditionalOnBean({ EntityManagerFactory.class, Transitions.class })
@EnableConfigurationProperties({ FsmValidationProperties.class, FsmMetricsProperties.class, FsmHealthProperties.class })
public final class FsmOperationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StateCounts fsmStateCounts(EntityManagerFactory entityManagerFactory) {
		return new StateCounts(entityManagerFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	StoredStateCheck fsmStoredStateCheck(Transitions transitions, StateCounts counts,
			FsmValidationProperties validation) {
		return new StoredStateCheck(transitions, counts, validation.getStoredStates());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty(name = "fsm.metrics.time-in-state.enabled", havingValue = "true", matchIfMissing = true)
		TimeInStateObserver fsmTimeInStateObserver(MeterRegistry meterRegistry, WorkflowRegistry registry, Clock clock,
				ObjectProvider<TransitionHistory> history, FsmMetricsProperties metrics) {
			return new TimeInStateObserver(meterRegistry, registry, clock,
					metrics.getTimeInState().isFromAuditTrail() ? history.getIfUnique() : null);
		}

		@Bean
		@ConditionalOnMissingBean
		EntityGauges fsmEntityGauges(MeterRegistry meterRegistry, WorkflowRegistry registry, StateCounts counts,
				EntityManagerFactory entityManagerFactory, Clock clock, FsmMetricsProperties metrics,
				ObjectProvider<TaskScheduler> scheduler) {
			FsmMetricsProperties.Entities entities = metrics.getEntities();
			boolean all = entities.isEnabled();
			Set<String> some = Set.copyOf(entities.getWorkflows());
			return new EntityGauges(meterRegistry, registry, counts, entityManagerFactory, clock,
					(workflow) -> all || some.contains(workflow), entities.getRefreshInterval(),
					scheduler.getIfUnique());
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(HealthIndicator.class)
		@ConditionalOnProperty(name = "fsm.health.stuck.enabled", havingValue = "true")
		static class HealthConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "fsmStuckHealthIndicator")
			StuckEntitiesHealthIndicator fsmStuckHealthIndicator(EntityGauges gauges, FsmHealthProperties health) {
				FsmHealthProperties.Stuck stuck = health.getStuck();
				String status = stuck.getStatus().trim().toUpperCase(java.util.Locale.ROOT);
				if (!status.equals(Status.DOWN.getCode()) && !status.equals(Status.OUT_OF_SERVICE.getCode())) {
					throw new IllegalArgumentException(
							"fsm.health.stuck.status must be OUT_OF_SERVICE or DOWN, not '" + stuck.getStatus() + "'");
				}
				return new StuckEntitiesHealthIndicator(gauges, stuck.getThreshold(), new Status(status));
			}

		}

	}

}
