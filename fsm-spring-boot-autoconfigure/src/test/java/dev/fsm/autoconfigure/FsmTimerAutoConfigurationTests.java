package dev.fsm.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import dev.fsm.contention.Job;
import dev.fsm.timer.MicrometerTimerCounters;
import dev.fsm.timer.Review;
import dev.fsm.timer.TimerCounters;
import dev.fsm.timer.TimerSchedule;
import dev.fsm.timer.TransitionTimers;

import static org.assertj.core.api.Assertions.assertThat;

class FsmTimerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, FsmAutoConfiguration.class, FsmTimerAutoConfiguration.class))
		.withPropertyValues("fsm.validation.fail-on-unreachable-states=false");

	@Test
	void defaults() {
		this.runner.withUserConfiguration(Reviews.class).run((context) -> {
			assertThat(context).hasSingleBean(TransitionTimers.class).hasSingleBean(TimerSchedule.class);
			assertThat(context).doesNotHaveBean(TimerCounters.class);
			assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC());
			FsmTimerProperties timers = context.getBean(FsmTimerProperties.class);
			assertThat(timers.isEnabled()).isTrue();
			assertThat(timers.getPollInterval()).isEqualTo(Duration.ofSeconds(30));
			assertThat(timers.getBatchSize()).isEqualTo(100);
			assertThat(timers.getActor()).isEqualTo("system");
			assertThat(context.getBean(TransitionTimers.class).routes()).singleElement()
				.hasToString("TimerReview.state.timeOut after PT720H in [AUTHOR_REVIEW]");
			assertThat(context.getBean(TimerSchedule.class).isRunning()).isTrue();
		});
	}

	@Test
	void schedulesNothingWhenNoWorkflowHasATimedTransition() {
		this.runner.withUserConfiguration(Jobs.class).run((context) -> {
			assertThat(context.getBean(TransitionTimers.class).routes()).isEmpty();
			assertThat(context.getBean(TimerSchedule.class).isRunning()).isFalse();
		});
	}

	@Test
	void countsInTheApplicationsMeterRegistry() {
		this.runner.withUserConfiguration(Reviews.class, Meters.class)
			.run((context) -> assertThat(context).hasSingleBean(MicrometerTimerCounters.class));
	}

	@Test
	void countsNothingWithoutMicrometer() {
		this.runner.withUserConfiguration(Reviews.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TransitionTimers.class)
				.doesNotHaveBean(TimerCounters.class));
	}

	@Test
	void backsOffFromTheApplicationsClockCountersAndSchedule() {
		this.runner.withUserConfiguration(Reviews.class, OwnBeans.class).run((context) -> {
			assertThat(context).getBean(Clock.class).isSameAs(context.getBean("ownClock"));
			assertThat(context).getBean(TimerCounters.class).isSameAs(context.getBean("ownCounters"));
			assertThat(context).getBean(TimerSchedule.class).isSameAs(context.getBean("ownSchedule"));
		});
	}

	@Test
	void pollsOnTheApplicationsTaskScheduler() {
		this.runner.withUserConfiguration(Reviews.class, Scheduler.class).run((context) -> {
			ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
			assertThat(context.getBean(TimerSchedule.class).isRunning()).isTrue();
			assertThat(scheduler.getScheduledThreadPoolExecutor().getQueue()).hasSize(1);
		});
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withUserConfiguration(Reviews.class)
			.withPropertyValues("fsm.timers.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TransitionTimers.class)
				.doesNotHaveBean(TimerSchedule.class));
	}

	@Test
	void needsJpa() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FsmAutoConfiguration.class, FsmTimerAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TransitionTimers.class));
	}

	@Test
	void refusesAPollIntervalThatIsNotPositive() {
		this.runner.withUserConfiguration(Reviews.class)
			.withPropertyValues("fsm.timers.poll-interval=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("fsm.timers.poll-interval must be positive, not PT0S"));
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Review.class)
	static class Reviews {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Job.class)
	static class Jobs {

	}

	@Configuration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Scheduler {

		@Bean
		ThreadPoolTaskScheduler taskScheduler() {
			return new ThreadPoolTaskScheduler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		@Bean
		Clock ownClock() {
			return Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
		}

		@Bean
		TimerCounters ownCounters() {
			return TimerCounters.none();
		}

		@Bean
		TimerSchedule ownSchedule(TransitionTimers timers, TaskScheduler scheduler) {
			return new TimerSchedule(timers, scheduler, Duration.ofMinutes(5));
		}

		@Bean
		ThreadPoolTaskScheduler taskScheduler() {
			return new ThreadPoolTaskScheduler();
		}

	}

}
