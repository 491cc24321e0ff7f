package dev.fsm.metamodel;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fsm.ParameterInfo;
import dev.fsm.Transition;
import dev.fsm.TransitionParameter;
import dev.fsm.metamodel.KotlinFunctions.KotlinFunction;

/**
 * A transition method and its declarations, before they are compiled.
 */
record TransitionDraft(String name, Class<?> owner, Method method, @Nullable String beanName, int entityParameterIndex,
		String[] parameterNames, List<Transition> declarations, @Nullable KotlinFunction kotlin) {

	/** The parameter names a caller supplies: all but the entity. */
	List<String> argumentNames() {
		List<String> names = new ArrayList<>(List.of(this.parameterNames));
		if (this.entityParameterIndex >= 0) {
			names.remove(this.entityParameterIndex);
		}
		return names;
	}

	/** What a caller supplies: the method's parameters, but the entity. */
	List<TransitionParameter> parameters() {
		List<TransitionParameter> parameters = new ArrayList<>();
		Type[] generic = this.method.getGenericParameterTypes();
		Class<?>[] types = this.method.getParameterTypes();
		KotlinFunction kotlin = this.kotlin;
		for (int i = 0; i < types.length; i++) {
			if (i == this.entityParameterIndex) {
				continue;
			}
			TransitionParameter parameter = (kotlin != null && i < kotlin.optional().size())
					? new TransitionParameter(this.parameterNames[i], types[i], generic[i], kotlin.optional().get(i),
							kotlin.nullable().get(i), kotlin.typeNames().get(i))
					: TransitionParameter.of(this.parameterNames[i], types[i], generic[i]);
			ParameterInfo info = this.method.getParameters()[i].getAnnotation(ParameterInfo.class);
			parameters.add((info != null) ? parameter.withInfo(info.label(), info.help()) : parameter);
		}
		return parameters;
	}

	String describe() {
		String owner = (this.beanName != null) ? "bean '" + this.beanName + "' " : "";
		String function = (this.kotlin != null) ? this.kotlin.name() : this.method.getName();
		return owner + this.method.getDeclaringClass().getSimpleName() + "." + function + "()";
	}

}
