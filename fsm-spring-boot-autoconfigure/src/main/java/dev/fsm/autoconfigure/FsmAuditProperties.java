package dev.fsm.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit trail: one record per committed transition, written in its transaction.
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.audit")
public class FsmAuditProperties {

	/**
	 * Whether transitions are recorded in the audit trail (needs JPA, Spring Data and a
	 * DataSource).
	 */
	private boolean enabled = true;

	/**
	 * When to create the audit table with the script shipped for the database: on an
	 * embedded database only, always, or never (create it with Flyway or Liquibase).
	 */
	private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

	/**
	 * Location of the script that creates the audit table; {@code @@platform@@} is
	 * replaced by the database platform.
	 */
	private String schema = "classpath:dev/fsm/audit/schema-@@platform@@.sql";

	/**
	 * Platform to use in the schema location (h2, postgresql, mariadb); detected from the
	 * DataSource when not set.
	 */
	private @Nullable String platform;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public SchemaInitialization getInitializeSchema() {
		return this.initializeSchema;
	}

	public void setInitializeSchema(SchemaInitialization initializeSchema) {
		this.initializeSchema = initializeSchema;
	}

	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	public @Nullable String getPlatform() {
		return this.platform;
	}

	public void setPlatform(@Nullable String platform) {
		this.platform = platform;
	}

	/**
	 * The values of Spring Boot's {@code DatabaseInitializationMode}, with the same
	 * meaning. Not that type itself: it lives in {@code spring-boot-sql}, and these
	 * properties are bound in applications without JDBC too.
	 */
	public enum SchemaInitialization {

		/** Create the table on an embedded database only. */
		EMBEDDED,

		/** Create the table when it does not exist, on any database. */
		ALWAYS,

		/** Never create the table. */
		NEVER

	}

}
