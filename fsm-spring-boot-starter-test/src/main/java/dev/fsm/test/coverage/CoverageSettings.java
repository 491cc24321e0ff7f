package dev.fsm.test.coverage;

import java.nio.file.Path;

/**
 * The system properties that control coverage in test JVMs. Maven Surefire passes
 * {@code -D} properties of the command line on to the JVMs it forks.
 */
final class CoverageSettings {

	/** {@code false} switches recording and the files off. */
	static final String ENABLED = "fsm.test.coverage.enabled";

	/**
	 * The build directory to write to; default {@code target} of the module under test.
	 */
	static final String DIRECTORY = "fsm.test.coverage.directory";

	/**
	 * Names the run whose JVM files are merged, for build tools other than Maven
	 * Surefire.
	 */
	static final String RUN = "fsm.test.coverage.run";

	private CoverageSettings() {
	}

	static boolean enabled() {
		return !"false".equalsIgnoreCase(System.getProperty(ENABLED, "true").strip());
	}

	/**
	 * The build directory: {@value #DIRECTORY}, else {@code target} in the module
	 * directory Surefire names in {@code basedir}, else {@code target} in the working
	 * directory.
	 */
	static Path directory() {
		String directory = System.getProperty(DIRECTORY);
		if (directory != null && !directory.isBlank()) {
			return Path.of(directory);
		}
		String basedir = System.getProperty("basedir");
		return (basedir != null && !basedir.isBlank()) ? Path.of(basedir, "target") : Path.of("target");
	}

}
