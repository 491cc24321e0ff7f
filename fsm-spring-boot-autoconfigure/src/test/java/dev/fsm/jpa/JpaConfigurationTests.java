package dev.fsm.jpa;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fsm.autoconfigure.FsmAutoConfiguration;
import dev.fsm.autoconfigure.unversioned.UnversionedConfiguration;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.EntityStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package's beans as the auto-configuration imports them: the JPA store and the state
 * field guard, each backing off from a bean of the same type.
 */
class JpaConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, AopAutoConfiguration.class, FsmAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true")
		.withUserConfiguration(UnversionedConfiguration.class);

	@Test
	void theStoreAndTheGuardByDefault() {
		this.runner.run((context) -> {
			assertThat(context).getBean(EntityStore.class).isInstanceOf(JpaEntityStore.class);
			assertThat(context).hasSingleBean(StateFieldGuard.class);
		});
	}

	@Test
	void theStateFieldGuardBacksOffFromAnotherBean() {
		this.runner.withUserConfiguration(OwnGuard.class)
			.run((context) -> assertThat(context).getBean(StateFieldGuard.class).isSameAs(context.getBean("myGuard")));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnGuard {

		@Bean
		StateFieldGuard myGuard(EntityManagerFactory entityManagerFactory, WorkflowRegistry registry) {
			return StateFieldGuard.register(entityManagerFactory, registry);
		}

	}

}
