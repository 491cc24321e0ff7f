package dev.fsm.metamodel;

import java.lang.reflect.Method;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fsm.Transition;

/**
 * A transition method and its declarations, before they are compiled.
 */
record TransitionDraft(String name, Class<?> owner, Method method, @Nullable String beanName, int entityParameterIndex,
		String[] parameterNames, List<Transition> declarations) {

	String describe() {
		String owner = (this.beanName != null) ? "bean '" + this.beanName + "' " : "";
		return owner + this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName() + "()";
	}

}
