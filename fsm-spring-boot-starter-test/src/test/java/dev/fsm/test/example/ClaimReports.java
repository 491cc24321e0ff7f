package dev.fsm.test.example;

import org.springframework.stereotype.Component;

/**
 * A component that is no flow bean: a {@code @WorkflowTest} leaves it out.
 */
@Component
public class ClaimReports {

}
