package dev.fsm.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import java.util.function.Supplier;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotationUtils;

import dev.fsm.Transition;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowRegistry;

/**
 * Applies the {@link TransitionInterceptor} to every method declared, or inheriting a
 * declaration, with {@link Transition}, stacked declarations included. Registered as an
 * infrastructure bean ({@link EngineConfiguration}), so that no AspectJ weaver is needed.
 */
final class TransitionAdvisor extends AbstractPointcutAdvisor {

	private final Pointcut pointcut = new TransitionPointcut();

	private final TransitionInterceptor interceptor;

	/**
	 * Both are resolved on first use: the advisor is created before the beans it needs.
	 */
	TransitionAdvisor(Supplier<WorkflowRegistry> registry, Supplier<TransitionExecutor> executor) {
		this.interceptor = new TransitionInterceptor(registry, executor);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

	/** The advice, for the {@code transitions.on(entity)} views. */
	TransitionInterceptor interceptor() {
		return this.interceptor;
	}

	private static final class TransitionPointcut extends StaticMethodMatcherPointcut {

		/**
		 * Final classes (a Kotlin {@code object}, a Kotlin class without the spring
		 * plugin) cannot be subclassed: the start-up refuses their transitions in words
		 * instead.
		 */
		TransitionPointcut() {
			setClassFilter((type) -> !Modifier.isFinal(type.getModifiers())
					&& AnnotationUtils.isCandidateClass(type, Transition.class));
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return WorkflowIntrospector.isTransitionMethod(AopUtils.getMostSpecificMethod(method, targetClass));
		}

	}

}
