package dev.fsm.test;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;

import dev.fsm.Transitions;

/**
 * The application context of the Spring test that runs on this thread, bound by
 * {@link WorkflowTestExecutionListener} for the duration of each test method, so that the
 * static assertions of {@link WorkflowAssertions} find the application's
 * {@link Transitions}.
 */
final class TestApplicationContexts {

	private static final ThreadLocal<@Nullable ApplicationContext> CURRENT = new ThreadLocal<>();

	private TestApplicationContexts() {
	}

	static void bind(ApplicationContext context) {
		CURRENT.set(context);
	}

	static void unbind() {
		CURRENT.remove();
	}

	static ApplicationContext current() {
		ApplicationContext context = CURRENT.get();
		if (context == null) {
			throw new IllegalStateException("WorkflowAssertions need the application context of a Spring test, and no"
					+ " Spring test method is running on thread '" + Thread.currentThread().getName()
					+ "': annotate the test class with @WorkflowTest or @SpringBootTest");
		}
		return context;
	}

	static Transitions transitions() {
		try {
			return current().getBean(Transitions.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException(
					"The application context of this test has no Transitions bean: " + ex.getMessage(), ex);
		}
	}

}
