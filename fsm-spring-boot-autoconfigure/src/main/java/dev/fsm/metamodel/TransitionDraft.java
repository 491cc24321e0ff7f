package dev.fsm.metamodel;

import java.lang.reflect.Method;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fsm.Transition;
import dev.fsm.metamodel.KotlinFunctions.KotlinFunction;

/**
 * A transition method and its declarations, before they are compiled.
 */
record TransitionDraft(String name, Class<?> owner, Method method, @Nullable String beanName, int entityParameterIndex,
		String[] parameterNames, List<Transition> declarations, @Nullable KotlinFunction kotlin) {

	/** The parameter names a caller supplies: all but the entity. */
	List<String> argumentNames() {
		List<String> names = new java.util.ArrayList<>(List.of(this.parameterNames));
		if (this.entityParameterIndex >= 0) {
			names.remove(this.entityParameterIndex);
		}
		return names;
	}

	String describe() {
		String owner = (this.beanName != null) ? "bean '" + this.beanName + "' " : "";
		String function = (this.kotlin != null) ? this.kotlin.name() : this.method.getName();
		return owner + this.method.getDeclaringClass().getSimpleName() + "." + function + "()";
	}

}
