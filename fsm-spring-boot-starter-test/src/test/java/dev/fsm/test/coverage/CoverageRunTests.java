package dev.fsm.test.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which JVMs belong to one run: Surefire's forks belong to the Maven JVM that started
 * them.
 */
class CoverageRunTests {

	@Test
	void recognisesTheJvmsThatSurefireForks() {
		assertThat(CoverageRun.isSurefireFork("/work/m/target/surefire/surefirebooter-20261201_3.jar"
				+ " /work/m/target/surefire 2026-12-01T23-30-00_123-jvmRun1 surefire-20261201_1tmp"))
			.isTrue();
		assertThat(CoverageRun.isSurefireFork("org.apache.maven.surefire.booter.ForkedBooter /tmp/x")).isTrue();
	}

	@Test
	void otherJvmsAreRunsOfTheirOwn() {
		assertThat(CoverageRun.isSurefireFork("org.codehaus.plexus.classworlds.launcher.Launcher surefire:test"))
			.isFalse();
		assertThat(CoverageRun.isSurefireFork("com.intellij.rt.junit.JUnitStarter -ideVersion5 dev.fsm.FooTests"))
			.isFalse();
		assertThat(CoverageRun.isSurefireFork("/opt/app/app.jar")).isFalse();
		assertThat(CoverageRun.isSurefireFork("")).isFalse();
	}

	@Test
	void aForkBelongsToTheNearestJavaProcessAboveIt() {
		assertThat(CoverageRun.isJava("/usr/lib/jvm/java-17-openjdk-amd64/bin/java")).isTrue();
		assertThat(CoverageRun.isJava("C:\\Program Files\\Java\\bin\\java.exe")).isTrue();
		assertThat(CoverageRun.isJava("/usr/bin/dash")).isFalse();
		ProcessHandle self = ProcessHandle.current();
		Optional<ProcessHandle> jvm = CoverageRun.forkingJvm(self);
		assertThat(jvm).isPresent();
		assertThat(jvm.get().pid()).isIn(ancestors(self));
		assertThat(jvm.get().equals(self.parent().orElseThrow())
				|| jvm.get().info().command().map(CoverageRun::isJava).orElse(false))
			.isTrue();
	}

	private static List<Long> ancestors(ProcessHandle process) {
		List<Long> pids = new ArrayList<>();
		for (Optional<ProcessHandle> parent = process.parent(); parent.isPresent(); parent = parent.get().parent()) {
			pids.add(parent.get().pid());
		}
		return pids;
	}

	@Test
	void aSystemPropertyNamesTheRunExplicitly() {
		System.setProperty(CoverageSettings.RUN, "gradle-build-7");
		try {
			assertThat(CoverageRun.current()).isEqualTo("gradle-build-7");
		}
		finally {
			System.clearProperty(CoverageSettings.RUN);
		}
	}

	@Test
	void thisJvmIsIdentifiedByItsProcessAndStartTime() {
		assertThat(CoverageRun.jvm()).startsWith(ProcessHandle.current().pid() + "-");
	}

}
