package dev.fsm.engine;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ReflectionUtils;

import dev.fsm.Transitions;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.spi.EntityStore;

/**
 * Fires a transition by name: checks that the arguments fit the method, then calls the
 * method through the flow bean's proxy (whose advice runs the executor on the transition
 * resolved here, not looked up again) or runs the executor on the entity. A Kotlin
 * function called with fewer arguments than it takes, or taking a value class, is called
 * through Kotlin on the bean's proxy or an entity view, so that the advice gets every
 * argument, default values included, before the checks run.
 */
final class TransitionInvoker {

	private final TransitionExecutor executor;

	private final BeanFactory beanFactory;

	private final EntityStore store;

	private final UnaryOperator<Object> views;

	/**
	 * @param views makes the {@code transitions.on(entity)} view of an entity
	 */
	TransitionInvoker(TransitionExecutor executor, BeanFactory beanFactory, EntityStore store,
			UnaryOperator<Object> views) {
		this.executor = executor;
		this.beanFactory = beanFactory;
		this.store = store;
		this.views = views;
	}

	/**
	 * @param entity the entity behind any view or proxy
	 * @param arguments the method arguments, without the entity for a flow bean's
	 * transition
	 */
	@Nullable Object invoke(Object entity, TransitionModel transition, @Nullable Object @Nullable [] arguments) {
		@Nullable Object[] given = (arguments != null) ? arguments : new Object[] { null };
		checkArguments(transition, entity, given);
		try {
			String beanName = transition.beanName();
			if (transition.callsThroughKotlin(given)) {
				return TransitionInterceptor.callResolved(transition, entity,
						() -> (beanName != null)
								? transition.callThroughKotlin(this.beanFactory.getBean(beanName),
										withEntity(transition, entity, given))
								: transition.callThroughKotlin(this.views.apply(entity), given));
			}
			if (beanName != null) {
				Object bean = this.beanFactory.getBean(beanName);
				Method method = transition.method().getDeclaringClass().isInstance(bean) ? transition.method()
						: AopUtils.selectInvocableMethod(transition.method(), bean.getClass());
				return TransitionInterceptor.callResolved(transition, entity, () -> AopUtils
					.invokeJoinpointUsingReflection(bean, method, withEntity(transition, entity, given)));
			}
			return this.executor.execute(transition, entity, entity, given,
					() -> AopUtils.invokeJoinpointUsingReflection(entity, transition.method(), given));
		}
		catch (Throwable ex) {
			ReflectionUtils.rethrowRuntimeException(ex);
			return null;
		}
	}

	private void checkArguments(TransitionModel transition, Object target, @Nullable Object[] arguments) {
		List<Class<?>> types = transition.argumentTypes();
		boolean fits = arguments.length >= transition.requiredArguments() && arguments.length <= types.size();
		for (int i = 0; fits && i < arguments.length; i++) {
			if (arguments[i] == Transitions.DEFAULT) {
				if (!transition.hasDefault(i)) {
					throw TransitionErrors.badArguments(this.store, transition, target, this.store.idOf(target),
							arguments, "; " + transition.argumentNames().get(i) + " has no default value");
				}
				continue;
			}
			if (arguments[i] == null && !transition.acceptsNull(i)) {
				throw TransitionErrors.badArguments(this.store, transition, target, this.store.idOf(target), arguments,
						"; " + transition.argumentNames().get(i) + " must not be null");
			}
			fits = transition.fits(i, arguments[i]);
		}
		if (!fits) {
			throw TransitionErrors.badArguments(this.store, transition, target, this.store.idOf(target), arguments, "");
		}
	}

	private static @Nullable Object[] withEntity(TransitionModel transition, Object entity,
			@Nullable Object[] arguments) {
		@Nullable Object[] all = new Object[arguments.length + 1];
		int index = transition.entityParameterIndex();
		System.arraycopy(arguments, 0, all, 0, index);
		all[index] = entity;
		System.arraycopy(arguments, index, all, index + 1, arguments.length - index);
		return all;
	}

}
