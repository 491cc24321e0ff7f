package dev.fsm.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/**
 * Bootstraps the context of a {@link WorkflowTest @WorkflowTest}: finds the
 * {@code @SpringBootConfiguration} and applies the annotation's properties.
 */
class WorkflowTestContextBootstrapper extends TestSliceTestContextBootstrapper<WorkflowTest> {

}
