package dev.fsm.maven;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import dev.fsm.test.coverage.CoverageCheck;
import dev.fsm.test.coverage.CoverageSummary;

/**
 * After the tests: merges the transition coverage files of every test JVM of the build
 * into {@code target/fsm-coverage.json} and {@code target/fsm-coverage.md}, and fails the
 * build when fewer transitions than {@code fsm.test.coverage.minimum} were committed by a
 * test.
 */
@Mojo(name = "coverage", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CoverageMojo extends AbstractMojo {

	/** The directory the test JVMs wrote their coverage files to. */
	@Parameter(defaultValue = "${project.build.directory}", required = true)
	@SuppressWarnings("NullAway.Init")
	File buildDirectory;

	/**
	 * The share of transitions that tests must commit at least once: a ratio
	 * ({@code 0.8}) or a percentage ({@code 80%}). Unset: the coverage is reported, not
	 * checked.
	 */
	@Parameter(property = CoverageCheck.MINIMUM)
	@Nullable String minimum;

	/** Skips the goal. */
	@Parameter(property = "fsm.test.coverage.skip", defaultValue = "false")
	boolean skip;

	/** Skips the goal when the tests were skipped. */
	@Parameter(property = "skipTests", defaultValue = "false")
	boolean skipTests;

	/** Skips the goal when the tests were not even compiled. */
	@Parameter(property = "maven.test.skip", defaultValue = "false")
	boolean skipTestCompilation;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip || this.skipTests || this.skipTestCompilation) {
			getLog().info("Transition coverage skipped");
			return;
		}
		CoverageCheck check = new CoverageCheck(this.buildDirectory.toPath());
		Optional<CoverageSummary> summary;
		try {
			summary = check.report();
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot merge the transition coverage in " + this.buildDirectory, ex);
		}
		if (summary.isEmpty()) {
			getLog().info("No transition coverage in " + new File(this.buildDirectory, "fsm-coverage")
					+ ": no test started a workflow");
			return;
		}
		getLog().info("Transition coverage: " + summary.get().describe() + " Report: " + check.markdownReport());
		String minimum = this.minimum;
		if (minimum == null || minimum.isBlank()) {
			return;
		}
		Optional<String> failure;
		try {
			failure = check.failure(summary.get(), minimum);
		}
		catch (IllegalArgumentException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		if (failure.isPresent()) {
			throw new MojoFailureException(failure.get());
		}
	}

}
