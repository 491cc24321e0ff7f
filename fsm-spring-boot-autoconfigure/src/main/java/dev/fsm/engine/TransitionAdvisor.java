package dev.fsm.engine;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;

import dev.fsm.Transition;

/**
 * Applies the {@link TransitionInterceptor} to every method declared, or inheriting a
 * declaration, with {@link Transition} (stacked declarations included).
 */
public final class TransitionAdvisor extends AbstractPointcutAdvisor {

	private final Pointcut pointcut = new AnnotationMatchingPointcut(null, Transition.class, true);

	private final TransitionInterceptor interceptor;

	public TransitionAdvisor(TransitionInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

}
