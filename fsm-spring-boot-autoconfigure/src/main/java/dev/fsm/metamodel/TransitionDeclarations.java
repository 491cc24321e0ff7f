package dev.fsm.metamodel;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.ReflectionUtils;

import dev.fsm.Transition;

/**
 * Finds {@link Transition} declarations, stacked ones included, following overridden
 * methods: an override without its own declarations inherits those of the method it
 * overrides.
 */
final class TransitionDeclarations {

	private static final Transition[] NONE = {};

	private TransitionDeclarations() {
	}

	/** Whether {@code method} is declared, or inherits a declaration, as a transition. */
	static boolean isTransition(Method method) {
		return of(method).length > 0;
	}

	/**
	 * The declarations of a method: its own, or those of the nearest overridden method
	 * that has some.
	 */
	static Transition[] of(Method method) {
		Transition[] own = method.getDeclaredAnnotationsByType(Transition.class);
		if (own.length > 0 || Modifier.isPrivate(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
			return own;
		}
		Class<?> superclass = method.getDeclaringClass().getSuperclass();
		while (superclass != null && superclass != Object.class) {
			Method overridden = ReflectionUtils.findMethod(superclass, method.getName(), method.getParameterTypes());
			if (overridden == null || Modifier.isPrivate(overridden.getModifiers())) {
				break;
			}
			Transition[] inherited = overridden.getDeclaredAnnotationsByType(Transition.class);
			if (inherited.length > 0) {
				return inherited;
			}
			superclass = overridden.getDeclaringClass().getSuperclass();
		}
		return NONE;
	}

	/** The most specific override of every transition method of {@code type}. */
	static List<Method> methodsOf(Class<?> type) {
		List<Method> methods = new ArrayList<>();
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
			if (isTransition(method)) {
				methods.add(method);
			}
		}
		return methods;
	}

}
