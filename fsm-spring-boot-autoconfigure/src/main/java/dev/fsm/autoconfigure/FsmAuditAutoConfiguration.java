package dev.fsm.autoconfigure;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.autoconfigure.init.OnDatabaseInitializationCondition;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

import dev.fsm.TransitionHistory;
import dev.fsm.audit.AuditSchemaInitializer;
import dev.fsm.audit.entity.TransitionRecordEntity;

/**
 * Auto-configuration of the audit trail: every committed transition appends a record, in
 * its transaction, and {@link TransitionHistory} reads them. On when JPA, Spring Data and
 * a {@link DataSource} are present, unless {@code fsm.audit.enabled=false}.
 * <p>
 * Registers the package of the audit entity for entity scanning, so it runs before
 * Hibernate's auto-configuration; an application's own {@code @EntityScan} replaces those
 * packages and must name the audit entity too.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({ EntityManagerFactory.class, SharedEntityManagerCreator.class, Pageable.class,
		DataSourceScriptDatabaseInitializer.class })
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "fsm.audit.enabled", matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = TransitionRecordEntity.class)
@EnableConfigurationProperties(FsmAuditProperties.class)
@Import({ FsmAuditAutoConfiguration.Packages.class, DatabaseInitializationDependencyConfigurer.class })
public final class FsmAuditAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnAuditSchemaInitializationCondition.class)
	AuditSchemaInitializer fsmAuditSchemaInitializer(DataSource dataSource, FsmAuditProperties audit) {
		return new AuditSchemaInitializer(dataSource,
				DatabaseInitializationMode.valueOf(audit.getInitializeSchema().name()), audit.getSchema(),
				audit.getPlatform());
	}

	/** The writer and the history. */
	static final class Packages extends PackageConfigurations {

		Packages() {
			super("dev.fsm.audit.AuditConfiguration");
		}

	}

	static class OnAuditSchemaInitializationCondition extends OnDatabaseInitializationCondition {

		OnAuditSchemaInitializationCondition() {
			super("FSM audit trail", "fsm.audit.initialize-schema");
		}

	}

}
