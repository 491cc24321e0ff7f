package dev.fsm.autoconfigure;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import dev.fsm.TransitionHistory;
import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;
import dev.fsm.audit.AuditSchemaInitializer;
import dev.fsm.audit.entity.TransitionRecordEntity;
import dev.fsm.audit.scan.Bookmark;
import dev.fsm.spi.TransitionRecorder;

import static org.assertj.core.api.Assertions.assertThat;

class FsmAuditAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, FsmAutoConfiguration.class, FsmAuditAutoConfiguration.class));

	@Test
	void defaults() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(InternalTypes.AUDIT_TRAIL_WRITER);
			assertThat(context).getBean(TransitionHistory.class).isInstanceOf(InternalTypes.JPA_TRANSITION_HISTORY);
			assertThat(context).hasSingleBean(AuditSchemaInitializer.class);
			assertThat(context.getBeanProvider(TransitionRecorder.class).orderedStream().toList())
				.containsExactly((TransitionRecorder) context.getBean(InternalTypes.AUDIT_TRAIL_WRITER));
			assertThat(auditEntityIsMapped(context)).isTrue();
			FsmAuditProperties audit = context.getBean(FsmAuditProperties.class);
			assertThat(audit.isEnabled()).isTrue();
			assertThat(audit.getInitializeSchema()).isEqualTo(FsmAuditProperties.SchemaInitialization.EMBEDDED);
			assertThat(audit.getSchema()).isEqualTo("classpath:dev/fsm/audit/schema-@@platform@@.sql");
			assertThat(audit.getPlatform()).isNull();
		});
	}

	@Test
	void backsOffWhenTheApplicationHasItsOwnHistory() {
		this.runner.withUserConfiguration(OwnHistoryConfiguration.class).run((context) -> {
			assertThat(context).getBean(TransitionHistory.class).isSameAs(context.getBean("ownHistory"));
			assertThat(context).doesNotHaveBean(InternalTypes.JPA_TRANSITION_HISTORY);
			assertThat(context).hasSingleBean(InternalTypes.AUDIT_TRAIL_WRITER);
			assertThat(context.getBean(Transitions.class).history(new Object())).isEmpty();
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesTheInitializer() {
		this.runner.withUserConfiguration(OwnInitializerConfiguration.class)
			.run((context) -> assertThat(context).getBean(AuditSchemaInitializer.class)
				.isSameAs(context.getBean("ownInitializer")));
	}

	@Test
	void offWhenSwitchedOff() {
		this.runner.withPropertyValues("fsm.audit.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertNoAuditTrail(context);
			assertThat(auditEntityIsMapped(context)).isFalse();
		});
	}

	@Test
	void noSchemaInitializerWhenInitializationIsNever() {
		this.runner.withPropertyValues("fsm.audit.initialize-schema=never").run((context) -> {
			assertThat(context).doesNotHaveBean(AuditSchemaInitializer.class);
			assertThat(context).hasSingleBean(InternalTypes.AUDIT_TRAIL_WRITER);
			assertThat(context).hasSingleBean(InternalTypes.JPA_TRANSITION_HISTORY);
		});
	}

	@Test
	void offWithoutSpringData() {
		this.runner.withClassLoader(new FilteredClassLoader(Pageable.class.getPackageName())).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(Transitions.class);
			assertNoAuditTrail(context);
		});
	}

	@Test
	void offWithoutJpa() {
		this.runner.withClassLoader(new FilteredClassLoader(EntityManagerFactory.class.getPackageName()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(Transitions.class);
				assertNoAuditTrail(context);
			});
	}

	@Test
	void offWithoutADataSource() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FsmAutoConfiguration.class, FsmAuditAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertNoAuditTrail(context);
			});
	}

	@Test
	void anEntityScanThatLeavesOutTheAuditEntityFailsTheStartupWithTheFix() {
		this.runner.withUserConfiguration(BookmarksOnlyConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("The FSM audit trail entity dev.fsm.audit.entity.TransitionRecordEntity is not managed"
						+ " by JPA. An @EntityScan replaces the packages that Spring Boot scans for entities: add"
						+ " TransitionRecordEntity.class to its basePackageClasses (or \"dev.fsm.audit.entity\" to"
						+ " its packages), or switch the audit trail off with fsm.audit.enabled=false");
		});
	}

	@Test
	void anEntityScanThatNamesTheAuditEntityWorks() {
		this.runner.withUserConfiguration(BookmarksAndAuditConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(auditEntityIsMapped(context)).isTrue();
		});
	}

	private static void assertNoAuditTrail(AssertableApplicationContext context) {
		assertThat(context).doesNotHaveBean(InternalTypes.AUDIT_TRAIL_WRITER);
		assertThat(context).doesNotHaveBean(TransitionHistory.class);
		assertThat(context).doesNotHaveBean(AuditSchemaInitializer.class);
	}

	private static boolean auditEntityIsMapped(AssertableApplicationContext context) {
		return context.getBean(EntityManagerFactory.class)
			.getMetamodel()
			.getEntities()
			.stream()
			.anyMatch((type) -> type.getJavaType() == TransitionRecordEntity.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHistoryConfiguration {

		@Bean
		TransitionHistory ownHistory() {
			return new TransitionHistory() {

				@Override
				public List<TransitionRecord> of(Object entity) {
					return List.of();
				}

				@Override
				public Page<TransitionRecord> of(Object entity, Pageable pageable) {
					return Page.empty(pageable);
				}

				@Override
				public Page<TransitionRecord> byActor(String actor, Instant from, Instant to, Pageable pageable) {
					return Page.empty(pageable);
				}

				@Override
				public Page<TransitionRecord> between(Instant from, Instant to, Pageable pageable) {
					return Page.empty(pageable);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnInitializerConfiguration {

		@Bean
		AuditSchemaInitializer ownInitializer(DataSource dataSource) {
			return new AuditSchemaInitializer(dataSource, DatabaseInitializationMode.ALWAYS,
					"classpath:dev/fsm/audit/schema-@@platform@@.sql", null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Bookmark.class)
	static class BookmarksOnlyConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = { Bookmark.class, TransitionRecordEntity.class })
	static class BookmarksAndAuditConfiguration {

	}

}
