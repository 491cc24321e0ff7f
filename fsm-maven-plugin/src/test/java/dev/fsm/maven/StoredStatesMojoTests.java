package dev.fsm.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code fsm:stored-states} runs the starter's command in a class loader of the project's
 * class path, and fails the build, warns or reports as the command's answer and
 * {@code fail} say. The command itself is tested with a real application in the starter
 * ({@code StoredStateCheckTests}).
 */
class StoredStatesMojoTests {

	private final StoredStatesMojo mojo = new StoredStatesMojo();

	private final List<String> logged = new ArrayList<>();

	@BeforeEach
	void configure() {
		this.mojo.classpath = List.of(Path.of("target", "test-classes").toAbsolutePath().toString());
		this.mojo.application = StoredStatesMojoTests.class.getName();
		this.mojo.setLog(new SystemStreamLog() {

			@Override
			public void info(CharSequence content) {
				StoredStatesMojoTests.this.logged.add("info " + content);
			}

			@Override
			public void warn(CharSequence content) {
				StoredStatesMojoTests.this.logged.add("warn " + content);
			}

		});
	}

	@Test
	void undeclaredStoredStatesFailTheBuildWithTheReport() {
		this.mojo.arguments = List.of("--drift");
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(this.mojo::execute)
			.withMessage(
					"1 row holds a state its workflow does not declare (StoredStatesMojoTests, loaded by URLClassLoader)");
	}

	@Test
	void withFailOffTheyAreAWarning() throws Exception {
		this.mojo.arguments = List.of("--drift");
		this.mojo.fail = false;
		this.mojo.execute();
		assertThat(this.logged).containsExactly(
				"warn 1 row holds a state its workflow does not declare (StoredStatesMojoTests, loaded by URLClassLoader)");
	}

	@Test
	void aCleanDatabasePasses() throws Exception {
		this.mojo.execute();
		assertThat(this.logged).containsExactly("info Every stored state is a declared state (Parcel.state)");
	}

	@Test
	void withoutAnApplicationClassItSaysHowToNameOne() {
		this.mojo.application = null;
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(this.mojo::execute)
			.withMessageStartingWith("Name the application class: -Dfsm.stored-states.application=");
	}

	@Test
	void aClassPathWithoutTheStarterIsNamed() {
		this.mojo.classpath = List.of();
		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(this.mojo::execute)
			.withMessageContaining("is not on the runtime class path of the project");
	}

}
