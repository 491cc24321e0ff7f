package dev.fsm.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.autoconfigure.FsmAuditAutoConfiguration;
import dev.fsm.autoconfigure.FsmAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fsm.audit.initialize-schema}, with Hibernate's {@code ddl-auto} at {@code none}
 * or {@code validate}, so that only the shipped script can create the table. On H2 every
 * context has a database of its own; on a real server (db-* profiles) each test drops the
 * table first and the class leaves it in place for the tests that run after it.
 */
class AuditSchemaInitializationTests {

	private static final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, FsmAutoConfiguration.class, FsmAuditAutoConfiguration.class))
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=none");

	@BeforeEach
	void dropTheAuditTable() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.run((context) -> new JdbcTemplate(context.getBean(DataSource.class))
				.execute("drop table if exists fsm_transition_record"));
	}

	@AfterAll
	static void leaveTheAuditTableInPlace() {
		runner.withPropertyValues("fsm.audit.initialize-schema=always")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void embeddedCreatesTheTableOnAnEmbeddedDatabaseOnly() {
		runner.run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(auditTableExists(dataSource)).isEqualTo(EmbeddedDatabaseConnection.isEmbedded(dataSource));
		});
	}

	@Test
	void alwaysCreatesTheTableTheWayHibernateMapsIt() {
		ApplicationContextRunner always = runner.withPropertyValues("fsm.audit.initialize-schema=always",
				"spring.jpa.hibernate.ddl-auto=validate");
		always.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(auditTableExists(context.getBean(DataSource.class))).isTrue();
		});
	}

	@Test
	void alwaysCanRunAgainOnATableThatExists() {
		ApplicationContextRunner always = runner.withPropertyValues("fsm.audit.initialize-schema=always",
				"spring.datasource.name=audit-schema-again", "spring.datasource.generate-unique-name=false");
		always.run((first) -> always.run((second) -> {
			assertThat(second).hasNotFailed();
			assertThat(auditTableExists(second.getBean(DataSource.class))).isTrue();
		}));
	}

	@Test
	void neverLeavesTheSchemaAlone() {
		runner.withPropertyValues("fsm.audit.initialize-schema=never").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(AuditSchemaInitializer.class);
			assertThat(auditTableExists(context.getBean(DataSource.class))).isFalse();
		});
	}

	@Test
	void embeddedSkipsAnEmbeddedDatabaseWithoutAShippedScript() {
		runner.withPropertyValues("fsm.audit.platform=hsqldb").run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(context).hasNotFailed();
			assertThat(auditTableExists(dataSource)).isFalse();
		});
	}

	@Test
	void aPlatformWithoutAShippedScriptFailsTheStartupWhenAsked() {
		runner.withPropertyValues("fsm.audit.initialize-schema=always", "fsm.audit.platform=oracle")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("No schema scripts found at location 'classpath:dev/fsm/audit/schema-oracle.sql'"));
	}

	private static boolean auditTableExists(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData()
					.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				if ("fsm_transition_record".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
					return true;
				}
			}
			return false;
		}
	}

}
