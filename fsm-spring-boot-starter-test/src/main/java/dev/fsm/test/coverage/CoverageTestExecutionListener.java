package dev.fsm.test.coverage;

import java.io.IOException;

import java.lang.System.Logger.Level;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the coverage of this JVM when the JUnit Platform has run its tests, and the
 * merged reports of every JVM of the run that has finished so far. Registered with the
 * {@code ServiceLoader} ({@code META-INF/services}), so Maven Surefire, Gradle and IDEs
 * pick it up; a JVM whose tests started no workflow writes nothing. Needs nothing but the
 * JDK and the JUnit Platform, so that it never breaks a test run whose class path lacks
 * Spring.
 * <p>
 * Public because the JUnit Platform instantiates it.
 */
public final class CoverageTestExecutionListener implements TestExecutionListener {

	private static final System.Logger logger = System.getLogger(CoverageTestExecutionListener.class.getName());

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		if (!CoverageSettings.enabled()) {
			return;
		}
		CoverageDirectory directory = new CoverageDirectory(CoverageSettings.directory());
		try {
			CoverageData data = CoverageRecorder.jvm().snapshot();
			if (data.isEmpty()) {
				return;
			}
			CoverageSummary summary = directory.writeJvm(CoverageRun.jvm(), CoverageRun.current(), data);
			logger.log(Level.INFO,
					"Transition coverage: " + summary.describe() + " Report: " + directory.markdownReport());
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			logger.log(Level.WARNING, "Could not write the transition coverage to " + CoverageSettings.directory(), ex);
		}
	}

}
