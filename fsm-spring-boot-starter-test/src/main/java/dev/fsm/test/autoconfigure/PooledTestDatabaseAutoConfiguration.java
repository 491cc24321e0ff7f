package dev.fsm.test.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;

/**
 * Pools the connections of the embedded test database of a
 * {@link WorkflowTest @WorkflowTest}, as the application pools its own with Hikari: a
 * connection, and the database session behind it, stays open once used. Besides matching
 * the application, this keeps the audit trail working on H2 2.4.240, where a
 * {@code CHECK} constraint on text (such as the audit table's {@code outcome IN (..)})
 * fails once the connection that created it has closed (h2database issues 4302 and 4308).
 */
@AutoConfiguration
@ConditionalOnClass({ HikariDataSource.class, EmbeddedDatabase.class })
final class PooledTestDatabaseAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TestDatabasePooling fsmTestDatabasePooling() {
		return new TestDatabasePooling();
	}

	/** Wraps each {@link EmbeddedDatabase} bean in a pool, closed with the context. */
	static final class TestDatabasePooling implements BeanPostProcessor, DisposableBean {

		private final List<HikariDataSource> pools = new ArrayList<>();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof EmbeddedDatabase database)) {
				return bean;
			}
			HikariConfig config = new HikariConfig();
			config.setDataSource(database);
			config.setPoolName("fsm-test-" + beanName);
			config.setMinimumIdle(1);
			config.setIdleTimeout(0);
			config.setMaxLifetime(0);
			HikariDataSource pool = new HikariDataSource(config);
			synchronized (this.pools) {
				this.pools.add(pool);
			}
			return pool;
		}

		@Override
		public void destroy() {
			synchronized (this.pools) {
				this.pools.forEach(HikariDataSource::close);
				this.pools.clear();
			}
		}

	}

}
