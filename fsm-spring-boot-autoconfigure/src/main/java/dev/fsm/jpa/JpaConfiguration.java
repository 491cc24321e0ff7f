package dev.fsm.jpa;

import java.time.Clock;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.EntityStore;

/**
 * The beans of this package, with JPA: the {@link EntityStore} (unless the application
 * declares its own) and, with Hibernate, the guard that refuses state changes no
 * transition made. Imported by the auto-configuration.
 * <p>
 * Package-private like the beans' types: the auto-configuration imports it by name.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ EntityManagerFactory.class, SharedEntityManagerCreator.class })
@ConditionalOnBean(EntityManagerFactory.class)
final class JpaConfiguration {

	@Bean
	@ConditionalOnMissingBean(EntityStore.class)
	JpaEntityStore fsmEntityStore(EntityManagerFactory entityManagerFactory,
			ObjectProvider<ConversionService> conversionService) {
		return new JpaEntityStore(entityManagerFactory,
				conversionService.getIfUnique(ApplicationConversionService::getSharedInstance));
	}

	/**
	 * Refuses, at flush, state changes that no transition made. Needs Hibernate: other
	 * JPA providers run without this check.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.hibernate.event.spi.PreUpdateEventListener")
	static class StateFieldGuardConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StateFieldGuard fsmStateFieldGuard(EntityManagerFactory entityManagerFactory, WorkflowRegistry registry,
				Clock clock) {
			return StateFieldGuard.register(entityManagerFactory, registry, clock);
		}

	}

}
