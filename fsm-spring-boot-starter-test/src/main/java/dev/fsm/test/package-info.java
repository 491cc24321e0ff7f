/**
 * Testing workflows: fluent assertions on entities, transitions, their history and events
 * ({@link dev.fsm.test.WorkflowAssertions}), and checks of workflow declarations that
 * need no application ({@link dev.fsm.test.WorkflowChecks}). The test slice is in
 * {@link dev.fsm.test.autoconfigure}, transition coverage in
 * {@link dev.fsm.test.coverage}.
 */
@NullMarked
package dev.fsm.test;

import org.jspecify.annotations.NullMarked;
