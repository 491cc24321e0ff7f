package dev.fsm.audit;

import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/**
 * Creates the audit table with the script shipped for the database
 * ({@code dev/fsm/audit/schema-h2.sql}, {@code -postgresql.sql}, {@code -mariadb.sql},
 * the last also for MySQL). Spring Boot runs it before JPA starts, like every
 * {@link DataSourceScriptDatabaseInitializer}. The scripts create only what is missing,
 * so they can run at every start ({@code always}).
 * <p>
 * Public because the auto-configuration creates it.
 */
public class AuditSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	/**
	 * @param dataSource the database of the audit table
	 * @param mode when to create the table
	 * @param schemaLocation the script, with an optional {@code @@platform@@} placeholder
	 * @param platform the platform for the placeholder, or {@code null} to detect it
	 */
	public AuditSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode, String schemaLocation,
			@Nullable String platform) {
		super(dataSource, settings(dataSource, mode, schemaLocation, platform));
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode,
			String schemaLocation, @Nullable String platform) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		if (applies(dataSource, mode)) {
			List<String> scripts = scripts(dataSource, schemaLocation, platform);
			settings.setSchemaLocations((mode == DatabaseInitializationMode.EMBEDDED) ? optional(scripts) : scripts);
		}
		return settings;
	}

	/**
	 * By default a script is optional: an embedded database without one (HSQLDB, Derby)
	 * gets its table from Hibernate's {@code create-drop}. Asked for explicitly
	 * ({@code always}), a missing script fails the start-up.
	 */
	private static List<String> optional(List<String> scripts) {
		return scripts.stream().map((script) -> "optional:" + script).toList();
	}

	/**
	 * Whether the mode applies to this database. The scripts are only looked up when it
	 * does, so that an application on a database without a shipped script starts with the
	 * default mode.
	 */
	private static boolean applies(DataSource dataSource, DatabaseInitializationMode mode) {
		return switch (mode) {
			case ALWAYS -> true;
			case EMBEDDED -> EmbeddedDatabaseConnection.isEmbedded(dataSource);
			case NEVER -> false;
		};
	}

	private static List<String> scripts(DataSource dataSource, String schemaLocation, @Nullable String platform) {
		PlatformPlaceholderDatabaseDriverResolver resolver = new PlatformPlaceholderDatabaseDriverResolver()
			.withDriverPlatform(DatabaseDriver.MYSQL, "mariadb");
		return (platform != null) ? resolver.resolveAll(platform, schemaLocation)
				: resolver.resolveAll(dataSource, schemaLocation);
	}

}
