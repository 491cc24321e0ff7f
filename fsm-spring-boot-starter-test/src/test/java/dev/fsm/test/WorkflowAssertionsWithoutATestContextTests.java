package dev.fsm.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The assertions need the application of a Spring test; what they say when there is none.
 */
class WorkflowAssertionsWithoutATestContextTests {

	@AfterEach
	void unbind() {
		TestApplicationContexts.unbind();
	}

	@Test
	void outsideASpringTestTheAssertionsSayWhatIsMissing() {
		assertThatIllegalStateException().isThrownBy(() -> WorkflowAssertions.assertThatEntity(new Object()))
			.withMessage(
					"WorkflowAssertions need the application context of a Spring test, and no Spring test method is"
							+ " running on thread '" + Thread.currentThread().getName()
							+ "': annotate the test class with" + " @WorkflowTest or @SpringBootTest");
		assertThatIllegalStateException().isThrownBy(() -> WorkflowAssertions.history(new Object()))
			.withMessageStartingWith("WorkflowAssertions need the application context of a Spring test");
		assertThatIllegalStateException().isThrownBy(() -> WorkflowAssertions.assertThatEvents(() -> {
		})).withMessageStartingWith("WorkflowAssertions need the application context of a Spring test");
	}

	@Test
	void anApplicationWithoutTheEngineHasNoTransitions() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.refresh();
			TestApplicationContexts.bind(context);
			assertThatIllegalStateException().isThrownBy(() -> WorkflowAssertions.assertThatEntity(new Object()))
				.withMessage("The application context of this test has no Transitions bean: No qualifying bean of type"
						+ " 'dev.fsm.Transitions' available");
		}
	}

	@Test
	void aContextTheTestContextFrameworkDidNotCreateRecordsNoEvents() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.refresh();
			TestApplicationContexts.bind(context);
			assertThatIllegalStateException().isThrownBy(() -> WorkflowAssertions.assertThatEvents(() -> {
			}))
				.withMessage("The application context of this test records no transition events: it was not created by"
						+ " the Spring TestContext framework with fsm-spring-boot-starter-test on the class path");
		}
	}

}
