/**
 * Transition coverage: which transitions of which workflows the tests committed, refused
 * or failed. An observer in every Spring test context records the attempts of its JVM; a
 * JUnit Platform listener writes one file per JVM and the merged report of the run; the
 * Maven plugin merges again after the tests and checks {@code fsm.test.coverage.minimum}.
 * <p>
 * The file and report classes ({@link dev.fsm.test.coverage.CoverageCheck} and what it
 * uses) need nothing but the JDK: the Maven plugin runs them without Spring or JUnit.
 */
@NullMarked
package dev.fsm.test.coverage;

import org.jspecify.annotations.NullMarked;
