package dev.fsm.engine;

import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotationUtils;

import dev.fsm.Transition;
import dev.fsm.metamodel.TransitionDeclarations;

/**
 * Applies the {@link TransitionInterceptor} to every method declared, or inheriting a
 * declaration, with {@link Transition}, stacked declarations included.
 */
public final class TransitionAdvisor extends AbstractPointcutAdvisor {

	private final Pointcut pointcut = new TransitionPointcut();

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

	private static final class TransitionPointcut extends StaticMethodMatcherPointcut {

		TransitionPointcut() {
			setClassFilter((type) -> AnnotationUtils.isCandidateClass(type, Transition.class));
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return TransitionDeclarations.isTransition(AopUtils.getMostSpecificMethod(method, targetClass));
		}

	}

}
