/**
 * The FSM Maven plugin: {@code fsm:coverage} merges the transition coverage of every test
 * JVM after the tests and checks {@code fsm.test.coverage.minimum}.
 */
@NullMarked
package dev.fsm.maven;

import org.jspecify.annotations.NullMarked;
