package dev.fsm.engine;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;

import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowRegistry;

/**
 * The advice around {@code @Transition} methods, of flow beans and of entities viewed through
 * {@code transitions.on(entity)}: looks the method up in the registry and hands it to the
 * {@link TransitionExecutor}.
 */
final class TransitionInterceptor implements MethodInterceptor {

	private final Supplier<WorkflowRegistry> registry;

	private final Supplier<TransitionExecutor> executor;

	/**
	 * Both are resolved on first use: the advisor is created before the beans it needs.
	 */
	TransitionInterceptor(Supplier<WorkflowRegistry> registry, Supplier<TransitionExecutor> executor) {
		this.registry = registry;
		this.executor = executor;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		if (target == null) {
			return invocation.proceed();
		}
		return intercept(target, invocation.getMethod(), invocation.getArguments(), invocation::proceed);
	}

	/**
	 * Runs {@code method}, a {@code @Transition} method, on {@code target} (a flow bean or an
	 * entity) through the executor.
	 * @param body runs the method on the target
	 */
	@Nullable Object intercept(Object target, Method method, @Nullable Object[] arguments,
			TransitionExecutor.Body body) throws Throwable {
		Class<?> owner = AopUtils.getTargetClass(target);
		TransitionModel transition = this.registry.get().transitionFor(owner, method);
		if (transition == null) {
			throw new IllegalStateException("@Transition method " + owner.getSimpleName() + "."
					+ method.getName() + "() is not part of any known workflow; is "
					+ owner.getSimpleName() + " a Spring bean or a workflow entity?");
		}
		Object entity = transition.isDeclaredOnBean() ? arguments[transition.entityParameterIndex()] : target;
		if (entity == null) {
			throw new IllegalArgumentException("Transition '" + transition.name() + "' of workflow '"
					+ transition.workflow().name() + "' was called with a null entity");
		}
		return this.executor.get().execute(transition, entity, target, arguments, body);
	}

}
