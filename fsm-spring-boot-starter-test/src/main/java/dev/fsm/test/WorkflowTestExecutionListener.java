package dev.fsm.test;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Binds the application context of each test method to its thread, for
 * {@link WorkflowAssertions}: from before the {@code @BeforeEach} methods to after the
 * {@code @AfterEach} methods. Registered in {@code META-INF/spring.factories}, so it runs
 * for every Spring test.
 */
final class WorkflowTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return 5000;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		TestApplicationContexts.bind(testContext.getApplicationContext());
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		TestApplicationContexts.unbind();
	}

}
