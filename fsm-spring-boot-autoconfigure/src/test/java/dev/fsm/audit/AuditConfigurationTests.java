package dev.fsm.audit;

import java.time.Clock;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fsm.TransitionHistory;
import dev.fsm.autoconfigure.FsmAuditAutoConfiguration;
import dev.fsm.autoconfigure.FsmAutoConfiguration;
import dev.fsm.spi.TransitionRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's beans as the auto-configuration imports them: the writer, the one
 * recorder, backing off from another writer, and the history.
 */
class AuditConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, FsmAutoConfiguration.class, FsmAuditAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void theWriterRecordsAndTheHistoryReads() {
		this.runner.run((context) -> {
			assertThat(context.getBeanProvider(TransitionRecorder.class).orderedStream().toList())
				.containsExactly(context.getBean(AuditTrailWriter.class));
			assertThat(context).getBean(TransitionHistory.class).isInstanceOf(JpaTransitionHistory.class);
		});
	}

	@Test
	void theWriterBacksOffFromAnotherWriter() {
		this.runner.withUserConfiguration(OwnWriter.class).run((context) -> {
			assertThat(context).getBean(AuditTrailWriter.class).isSameAs(context.getBean("ownWriter"));
			assertThat(context).hasSingleBean(JpaTransitionHistory.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnWriter {

		@Bean
		AuditTrailWriter ownWriter(EntityManagerFactory entityManagerFactory) {
			return new AuditTrailWriter(entityManagerFactory, Clock.systemUTC());
		}

	}

}
