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
 * The advice around {@code @Transition} methods, of flow beans and of entities viewed
 * through {@code transitions.on(entity)}: looks the method up in the registry and hands
 * it to the {@link TransitionExecutor}. A transition fired by name that must leave
 * through a Spring proxy or Kotlin (a flow bean's, a Kotlin function with default values)
 * comes back here already resolved ({@link #callResolved}): it is not looked up a second
 * time.
 */
final class TransitionInterceptor implements MethodInterceptor {

	/**
	 * The transition a caller on this thread resolved and is calling through a proxy,
	 * until the interception it reaches takes it. An idle thread keeps a {@code null}
	 * entry rather than removing it, so that every call does not add and remove an entry
	 * of the thread's map.
	 */
	private static final ThreadLocal<@Nullable Resolved> RESOLVED = new ThreadLocal<>();

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
	 * Runs {@code method}, a {@code @Transition} method, on {@code target} (a flow bean
	 * or an entity) through the executor.
	 * @param body runs the method on the target
	 */
	@Nullable Object intercept(Object target, Method method, @Nullable Object[] arguments, TransitionExecutor.Body body)
			throws Throwable {
		TransitionModel transition = takeResolved(target, method, arguments);
		if (transition == null) {
			transition = lookUp(target, method);
		}
		Object entity = transition.isDeclaredOnBean() ? arguments[transition.entityParameterIndex()] : target;
		if (entity == null) {
			throw new IllegalArgumentException("Transition '" + transition.name() + "' of workflow '"
					+ transition.workflow().name() + "' was called with a null entity");
		}
		return this.executor.get().execute(transition, entity, target, arguments, body);
	}

	/**
	 * Calls {@code call}, which reaches this advice for {@code transition} on
	 * {@code entity} through a proxy or Kotlin; the interception takes the transition as
	 * resolved.
	 */
	static @Nullable Object callResolved(TransitionModel transition, Object entity, TransitionExecutor.Body call)
			throws Throwable {
		Resolved outer = RESOLVED.get();
		RESOLVED.set(new Resolved(transition, entity));
		try {
			return call.proceed();
		}
		finally {
			RESOLVED.set(outer);
		}
	}

	/**
	 * The transition resolved for this call, taken so that the calls its body makes are
	 * looked up; {@code null} when this call is not the one it was resolved for.
	 */
	private static @Nullable TransitionModel takeResolved(Object target, Method method, @Nullable Object[] arguments) {
		Resolved resolved = RESOLVED.get();
		if (resolved == null) {
			return null;
		}
		TransitionModel transition = resolved.transition();
		Object entity = transition.isDeclaredOnBean() ? ((arguments.length > transition.entityParameterIndex())
				? arguments[transition.entityParameterIndex()] : null) : target;
		if (entity != resolved.entity() || !method.getName().equals(transition.method().getName())) {
			return null;
		}
		RESOLVED.set(null);
		return transition;
	}

	private TransitionModel lookUp(Object target, Method method) {
		Class<?> owner = AopUtils.getTargetClass(target);
		TransitionModel transition = this.registry.get().transitionFor(owner, method);
		if (transition == null) {
			throw new IllegalStateException("@Transition method " + owner.getSimpleName() + "." + method.getName()
					+ "() is not part of any known workflow; is " + owner.getSimpleName()
					+ " a Spring bean or a workflow entity?");
		}
		return transition;
	}

	/** A transition resolved for a call on one entity. */
	private record Resolved(TransitionModel transition, Object entity) {
	}

}
