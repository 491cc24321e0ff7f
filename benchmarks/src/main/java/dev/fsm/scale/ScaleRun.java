package dev.fsm.scale;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the scale harnesses share: their {@code key=value} arguments, and the PostgreSQL database
 * they run on ({@code FSM_BENCH_POSTGRES_URL}, by default {@code fsm_bench} on 127.0.0.1, user
 * postgres), with a connection of their own for setting up and counting.
 */
final class ScaleRun {

	final String url;

	final JdbcTemplate admin;

	private final Map<String, String> arguments;

	private ScaleRun(Map<String, String> arguments) {
		this.arguments = arguments;
		String env = System.getenv("FSM_BENCH_POSTGRES_URL");
		this.url = (env != null && !env.isEmpty()) ? env : "jdbc:postgresql://127.0.0.1:5432/fsm_bench";
		this.admin = new JdbcTemplate(new DriverManagerDataSource(this.url, "postgres", ""));
	}

	static ScaleRun of(String[] args) {
		Map<String, String> arguments = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (equals < 0) {
				throw new IllegalArgumentException("Arguments are key=value, got " + arg);
			}
			arguments.put(arg.substring(0, equals), arg.substring(equals + 1));
		}
		return new ScaleRun(arguments);
	}

	String argument(String name, String fallback) {
		return this.arguments.getOrDefault(name, fallback);
	}

	int argument(String name, int fallback) {
		return Integer.parseInt(argument(name, Integer.toString(fallback)));
	}

	/** Drops and creates the harnesses' tables ({@code schema-postgresql.sql}). */
	void resetSchema() throws IOException {
		try (InputStream in = ScaleRun.class.getResourceAsStream("schema-postgresql.sql")) {
			String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
				if (!statement.isBlank()) {
					this.admin.execute(statement);
				}
			}
		}
	}

	long count(String sql) {
		Long count = this.admin.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

}
