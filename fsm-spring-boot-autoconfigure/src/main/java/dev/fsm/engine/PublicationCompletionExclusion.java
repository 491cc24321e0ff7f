package dev.fsm.engine;

import java.lang.reflect.Method;

import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

/**
 * Keeps an event publication registry's completion advice off the after-commit listeners
 * that {@link InProcessTransitionListener} runs. Spring Modulith's
 * {@code CompletionRegisteringAdvisor} wraps every public after-commit
 * {@code @TransactionalEventListener} method and marks "its" publication completed when
 * the method returns; for a listener of {@code PostTransitionEvent} the registry recorded
 * none, and looking one up serialises the event, entity and all, which fails on every
 * commit and makes the listener look failed. The registry's advisor is replaced by one
 * with the same advice and order whose pointcut leaves those methods out; every other
 * listener keeps it.
 * <p>
 * Priority-ordered, so that it is in place before the auto-proxy creator asks for the
 * advisors.
 */
final class PublicationCompletionExclusion implements BeanPostProcessor, PriorityOrdered {

	/** Spring Modulith's advisor, by name: Modulith is optional. */
	static final String COMPLETION_ADVISOR = "org.springframework.modulith.events.support.CompletionRegisteringAdvisor";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof PointcutAdvisor advisor && bean.getClass().getName().equals(COMPLETION_ADVISOR)) {
			ComposablePointcut pointcut = new ComposablePointcut(advisor.getPointcut())
				.intersection(new NotRunInProcess());
			DefaultPointcutAdvisor narrowed = new DefaultPointcutAdvisor(pointcut, advisor.getAdvice());
			if (advisor instanceof Ordered ordered) {
				narrowed.setOrder(ordered.getOrder());
			}
			return narrowed;
		}
		return bean;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Methods that {@link TransitionListenerFailureLogging} does not turn into in-process
	 * listeners.
	 */
	private static final class NotRunInProcess extends StaticMethodMatcher {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return !TransitionListenerFailureLogging.runsInProcess(method, targetClass);
		}

	}

}
