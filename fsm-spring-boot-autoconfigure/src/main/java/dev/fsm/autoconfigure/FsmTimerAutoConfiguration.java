package dev.fsm.autoconfigure;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;

import dev.fsm.Transitions;
import dev.fsm.engine.TransitionExecutor;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.timer.MicrometerTimerCounters;
import dev.fsm.timer.TimerCounters;
import dev.fsm.timer.TimerSchedule;
import dev.fsm.timer.TransitionTimers;

/**
 * Auto-configuration of timed transitions: {@link TransitionTimers}, polled by a
 * {@link TimerSchedule} on the application's {@link TaskScheduler} (when it has exactly
 * one) or a thread of its own, counted in Micrometer when the application has a
 * {@link MeterRegistry}. Needs JPA and a transaction manager;
 * {@code fsm.timers.enabled=false} turns it off.
 *
 * @since 0.3.0
 */
@AutoConfiguration(after = FsmAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(EntityManagerFactory.class)
@ConditionalOnBean({ EntityManagerFactory.class, PlatformTransactionManager.class, Transitions.class })
@ConditionalOnProperty(name = "fsm.timers.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(FsmTimerProperties.class)
public final class FsmTimerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TransitionTimers fsmTransitionTimers(WorkflowRegistry registry, Transitions transitions,
			EntityManagerFactory entityManagerFactory, TransitionExecutor executor, Clock clock,
			FsmTimerProperties properties, ObjectProvider<TimerCounters> counters) {
		return new TransitionTimers(registry, transitions, entityManagerFactory, executor.ownTransactions(), clock,
				properties.getActor(), properties.getBatchSize(), counters.getIfUnique(TimerCounters::none));
	}

	@Bean
	@ConditionalOnMissingBean
	TimerSchedule fsmTimerSchedule(TransitionTimers timers, ObjectProvider<TaskScheduler> scheduler,
			FsmTimerProperties properties) {
		return new TimerSchedule(timers, scheduler.getIfUnique(), properties.getPollInterval());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MicrometerConfiguration {

		@Bean
		@ConditionalOnMissingBean(TimerCounters.class)
		@ConditionalOnBean(MeterRegistry.class)
		MicrometerTimerCounters fsmTimerCounters(MeterRegistry meterRegistry) {
			return new MicrometerTimerCounters(meterRegistry);
		}

	}

}
