package dev.fsm.autoconfigure;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.fsm.Transitions;
import dev.fsm.operations.StateCounts;
import dev.fsm.operations.StoredStateCheck;

/**
 * Auto-configuration of what an operator needs of the stored states: {@link StateCounts} (one
 * {@code GROUP BY} per workflow, in SQL) and the {@link StoredStateCheck} of stored states
 * against the declared ones, run at start-up as {@code fsm.validation.stored-states} says. Needs
 * JPA on Hibernate.
 *
 * @since 0.6.0
 */
@AutoConfiguration(after = FsmAutoConfiguration.class)
@ConditionalOnClass({ EntityManagerFactory.class, SessionFactoryImplementor.class })
@ConditionalOnBean({ EntityManagerFactory.class, Transitions.class })
public final class FsmOperationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StateCounts fsmStateCounts(EntityManagerFactory entityManagerFactory) {
		return new StateCounts(entityManagerFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	StoredStateCheck fsmStoredStateCheck(Transitions transitions, StateCounts counts, FsmProperties properties) {
		return new StoredStateCheck(transitions, counts, properties.getValidation().getStoredStates());
	}

}
