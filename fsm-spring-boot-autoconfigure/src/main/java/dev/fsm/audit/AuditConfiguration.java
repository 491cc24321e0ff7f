package dev.fsm.audit;

import java.time.Clock;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fsm.TransitionHistory;

/**
 * The beans of the audit trail: the writer, which records every committed transition in
 * its transaction, and the {@link TransitionHistory} that reads the records, unless the
 * application declares its own. Imported by the auto-configuration, which decides whether
 * the audit trail is on.
 * <p>
 * Package-private like the beans' types: the auto-configuration imports it by name.
 */
@Configuration(proxyBeanMethods = false)
final class AuditConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuditTrailWriter fsmAuditTrailWriter(EntityManagerFactory entityManagerFactory, ObjectProvider<Clock> clock) {
		return new AuditTrailWriter(entityManagerFactory, clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean(TransitionHistory.class)
	JpaTransitionHistory fsmTransitionHistory(EntityManagerFactory entityManagerFactory) {
		return new JpaTransitionHistory(entityManagerFactory);
	}

}
