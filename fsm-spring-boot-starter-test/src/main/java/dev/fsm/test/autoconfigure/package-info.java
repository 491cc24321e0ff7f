/**
 * The {@link dev.fsm.test.autoconfigure.WorkflowTest @WorkflowTest} test slice: JPA on an
 * embedded database, the transition engine, the audit trail and Spring Security's test
 * support, nothing of the web layer.
 */
@NullMarked
package dev.fsm.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
