package dev.fsm.test.coverage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Which run a test JVM belongs to, so that the files of one build are merged and those of
 * an earlier build are not: the JVMs that Maven Surefire forks belong to the Maven JVM
 * that forked them (through a shell, on Unix); any other JVM (tests in the IDE, Surefire
 * without forks) is a run of its own. The system property {@value CoverageSettings#RUN}
 * names the run explicitly (for other build tools).
 */
final class CoverageRun {

	private CoverageRun() {
	}

	/** This JVM: its process id and start time, unique on the machine. */
	static String jvm() {
		return id(ProcessHandle.current());
	}

	/** The run of this JVM. */
	static String current() {
		String explicit = System.getProperty(CoverageSettings.RUN);
		if (explicit != null && !explicit.isBlank()) {
			return explicit;
		}
		if (isSurefireFork(System.getProperty("sun.java.command", ""))) {
			return forkingJvm(ProcessHandle.current()).map(CoverageRun::id).orElseGet(CoverageRun::jvm);
		}
		return jvm();
	}

	/**
	 * The nearest ancestor of {@code process} that is a Java process (the Maven JVM,
	 * above the shell Surefire forks with); the parent when no ancestor says what it
	 * runs.
	 */
	static Optional<ProcessHandle> forkingJvm(ProcessHandle process) {
		for (Optional<ProcessHandle> ancestor = process.parent(); ancestor
			.isPresent(); ancestor = ancestor.get().parent()) {
			if (ancestor.get().info().command().map(CoverageRun::isJava).orElse(false)) {
				return ancestor;
			}
		}
		return process.parent();
	}

	/**
	 * Whether a process's command is a Java launcher: {@code .../bin/java},
	 * {@code java.exe}.
	 */
	static boolean isJava(String command) {
		String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1);
		return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
	}

	/**
	 * Whether a JVM's main command is Surefire's forked booter: its class, or the
	 * manifest-only {@code surefirebooter*.jar} that Surefire starts by default.
	 */
	static boolean isSurefireFork(String command) {
		String main = command.strip().split("\\s+", 2)[0];
		if (main.equals("org.apache.maven.surefire.booter.ForkedBooter")) {
			return true;
		}
		if (main.isEmpty() || !main.endsWith(".jar")) {
			return false;
		}
		Path fileName = Path.of(main).getFileName();
		return fileName != null && fileName.toString().startsWith("surefirebooter");
	}

	private static String id(ProcessHandle process) {
		long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
		return process.pid() + "-" + started;
	}

}
