package dev.fsm.benchmarks;

import java.util.Arrays;

/** The databases the persisted benchmarks run on: H2 in memory, or the PostgreSQL server. */
final class Databases {

	private Databases() {
	}

	/**
	 * Spring Boot properties for {@code database}: {@code h2}, or {@code postgres} (the server of
	 * {@code FSM_BENCH_POSTGRES_URL}, by default the database {@code fsm_bench} on 127.0.0.1:5432,
	 * user postgres; the benchmark creates and drops its tables).
	 */
	static String[] properties(String database, String... more) {
		String[] properties = switch (database) {
			case "h2" -> new String[0];
			case "postgres" -> new String[] {
					"spring.datasource.url=" + env("FSM_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/fsm_bench"),
					"spring.datasource.username=" + env("FSM_BENCH_POSTGRES_USER", "postgres"),
					"spring.datasource.password=" + env("FSM_BENCH_POSTGRES_PASSWORD", ""),
					"spring.jpa.hibernate.ddl-auto=create-drop" };
			default -> throw new IllegalArgumentException("Unknown database " + database + "; use h2 or postgres");
		};
		String[] all = Arrays.copyOf(properties, properties.length + more.length);
		System.arraycopy(more, 0, all, properties.length, more.length);
		return all;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

}
