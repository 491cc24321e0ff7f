package dev.fsm.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.cglib.core.SpringNamingPolicy;
import org.springframework.cglib.proxy.Callback;
import org.springframework.cglib.proxy.CallbackFilter;
import org.springframework.cglib.proxy.Dispatcher;
import org.springframework.cglib.proxy.Enhancer;
import org.springframework.cglib.proxy.Factory;
import org.springframework.cglib.proxy.FixedValue;
import org.springframework.cglib.proxy.MethodInterceptor;
import org.springframework.cglib.proxy.MethodProxy;
import org.springframework.cglib.proxy.NoOp;
import org.springframework.core.InfrastructureProxy;
import org.springframework.core.NativeDetector;
import org.springframework.objenesis.SpringObjenesis;
import org.springframework.objenesis.instantiator.ObjectInstantiator;
import org.springframework.util.ReflectionUtils;

import dev.fsm.metamodel.WorkflowIntrospector;

/**
 * The {@code transitions.on(entity)} views: a subclass of the entity's class, generated
 * once per class, whose {@code @Transition} methods run the {@link TransitionInterceptor}
 * on the entity and whose other methods run on the entity. A view is made by
 * instantiating that class without a constructor and setting its callbacks: no proxy
 * factory, no advice chain per call.
 * <p>
 * A view implements {@link InfrastructureProxy}: {@code getWrappedObject()} is the
 * entity.
 * <p>
 * In a native image no class can be generated: the AOT processing of the application
 * generates each view class at build time ({@link EntityViewClasses}), the same class the
 * JVM would generate, and here it is loaded by name; its instances are made with its
 * constructor, and its methods reach the entity by reflection (registered hints) instead
 * of CGLIB's fast classes.
 */
final class EntityViews {

	private static final int TRANSITION = 0;

	private static final int ON_TARGET = 1;

	private static final int DISPATCH = 2;

	private static final int TARGET = 3;

	private static final int SUPER = 4;

	private static final Class<?>[] CALLBACK_TYPES = { MethodInterceptor.class, MethodInterceptor.class,
			Dispatcher.class, FixedValue.class, NoOp.class };

	private static final SpringObjenesis objenesis = new SpringObjenesis();

	private static final boolean inNativeImage = NativeDetector.inNativeImage();

	private final TransitionCallback transitions;

	private final Map<Class<?>, ViewType> types = new ConcurrentHashMap<>();

	EntityViews(TransitionInterceptor interceptor) {
		this.transitions = new TransitionCallback(interceptor);
	}

	/** A new view of {@code target}, the entity behind any view or persistence proxy. */
	Object view(Object target) {
		Class<?> type = target.getClass();
		ViewType viewType = this.types.get(type);
		if (viewType == null) {
			viewType = this.types.computeIfAbsent(type, ViewType::new);
		}
		return viewType.newView(target, this.transitions);
	}

	/**
	 * The view class of {@code entityType}: generated here, or loaded when generated at
	 * build time.
	 */
	static Class<?> viewClass(Class<?> entityType) {
		return new ViewType(entityType).viewClass;
	}

	/** The entity behind a view; {@code null} for anything else. */
	static @Nullable Object targetOf(Object candidate) {
		if (candidate instanceof Factory factory && factory.getCallback(TARGET) instanceof ViewTarget target) {
			return target.target;
		}
		return null;
	}

	/** The generated class of one entity class, and how to instantiate it. */
	private static final class ViewType {

		private final Class<?> viewClass;

		private final @Nullable ObjectInstantiator<?> instantiator;

		ViewType(Class<?> entityType) {
			Enhancer enhancer = new Enhancer();
			enhancer.setSuperclass(entityType);
			enhancer.setInterfaces(new Class<?>[] { InfrastructureProxy.class });
			enhancer.setClassLoader(entityType.getClassLoader());
			enhancer.setNamingPolicy(SpringNamingPolicy.INSTANCE);
			enhancer.setAttemptLoad(true); // the class generated at build time, when
											// there is one
			enhancer.setCallbackFilter(new ViewCallbacks(entityType));
			enhancer.setCallbackTypes(CALLBACK_TYPES);
			this.viewClass = enhancer.createClass();
			this.instantiator = (!inNativeImage && objenesis.isWorthTrying())
					? objenesis.getInstantiatorOf(this.viewClass) : null;
		}

		Object newView(Object target, TransitionCallback transitions) {
			Factory view = (Factory) newInstance();
			ViewTarget viewTarget = new ViewTarget(target);
			view.setCallback(TRANSITION, transitions);
			view.setCallback(ON_TARGET, OnTarget.INSTANCE);
			view.setCallback(DISPATCH, viewTarget);
			view.setCallback(TARGET, viewTarget);
			view.setCallback(SUPER, NoOp.INSTANCE);
			return view;
		}

		private Object newInstance() {
			if (this.instantiator != null) {
				return this.instantiator.newInstance();
			}
			try {
				return ReflectionUtils.accessibleConstructor(this.viewClass).newInstance();
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot create a view of " + this.viewClass.getSuperclass().getName()
						+ ": it needs a no-argument constructor", ex);
			}
		}

	}

	/**
	 * Which callback each method of a view class takes: transitions the advice, methods
	 * that may return the entity a call that returns the view instead, other public
	 * methods a direct call on the entity, {@code finalize} and {@code clone} no
	 * override.
	 */
	private record ViewCallbacks(Class<?> entityType) implements CallbackFilter {

		@Override
		public int accept(Method method) {
			if (method.getDeclaringClass() == InfrastructureProxy.class) {
				return TARGET;
			}
			if (method.getDeclaringClass() == Object.class && !Modifier.isPublic(method.getModifiers())) {
				return SUPER;
			}
			if (WorkflowIntrospector.isTransitionMethod(AopUtils.getMostSpecificMethod(method, this.entityType))) {
				return TRANSITION;
			}
			if (!Modifier.isPublic(method.getModifiers()) || method.getReturnType().isAssignableFrom(this.entityType)) {
				return ON_TARGET;
			}
			return DISPATCH;
		}

	}

	/** The entity of one view: every call that is not a transition goes to it. */
	private static final class ViewTarget implements Dispatcher, FixedValue {

		final Object target;

		ViewTarget(Object target) {
			this.target = target;
		}

		@Override
		public Object loadObject() {
			return this.target;
		}

	}

	private static Object targetOfView(Object view) {
		return ((ViewTarget) ((Factory) view).getCallback(DISPATCH)).target;
	}

	/**
	 * Calls the method on the entity: through CGLIB when public, else by reflection;
	 * always by reflection in a native image, where CGLIB cannot generate its fast class.
	 */
	private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] arguments,
			MethodProxy methodProxy) throws Throwable {
		return (Modifier.isPublic(method.getModifiers()) && !inNativeImage) ? methodProxy.invoke(target, arguments)
				: AopUtils.invokeJoinpointUsingReflection(target, method, arguments);
	}

	/** The {@code @Transition} methods: the advice, the body run on the entity. */
	private static final class TransitionCallback implements MethodInterceptor {

		private final TransitionInterceptor interceptor;

		TransitionCallback(TransitionInterceptor interceptor) {
			this.interceptor = interceptor;
		}

		@Override
		public @Nullable Object intercept(Object view, Method method, @Nullable Object[] arguments,
				MethodProxy methodProxy) throws Throwable {
			Object target = targetOfView(view);
			Object result = this.interceptor.intercept(target, method, arguments,
					() -> invoke(target, method, arguments, methodProxy));
			return (result == target) ? view : result;
		}

	}

	/** The methods that may return the entity, and those a direct call cannot reach. */
	private static final class OnTarget implements MethodInterceptor {

		static final OnTarget INSTANCE = new OnTarget();

		@Override
		public @Nullable Object intercept(Object view, Method method, @Nullable Object[] arguments,
				MethodProxy methodProxy) throws Throwable {
			Object target = targetOfView(view);
			Object result = invoke(target, method, arguments, methodProxy);
			return (result == target) ? view : result; // the view stands for the entity
														// in what it returns
		}

	}

}
