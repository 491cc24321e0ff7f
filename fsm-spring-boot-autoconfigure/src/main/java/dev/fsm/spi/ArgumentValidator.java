package dev.fsm.spi;

import java.lang.reflect.Method;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fsm.ArgumentViolation;

/**
 * Checks the arguments of a transition against the constraints declared on its parameters
 * (Bean Validation by default), after its checks and before anything runs. An application
 * replaces the default with a bean of this type. A transition whose parameters declare no
 * constraint should cost nothing: implementations decide that once per method.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ArgumentValidator {

	/** Accepts every argument: the engine without Bean Validation on the classpath. */
	ArgumentValidator NONE = (transition, target, arguments) -> List.of();

	/**
	 * @param transition the transition method whose arguments to check
	 * @param target the object the method runs on: the entity, or the flow bean
	 * @param arguments every argument of the method, the entity of a flow bean's method
	 * included
	 * @return the violated constraints, in the order of the parameters; empty when the
	 * arguments are valid
	 */
	List<ArgumentViolation> validate(TransitionMethod transition, Object target, @Nullable Object[] arguments);

	/**
	 * The method of one transition, as a validator needs it.
	 *
	 * @param workflow the name of the workflow
	 * @param name the transition name
	 * @param owner the class whose instances run the method: the entity class, or the
	 * flow bean's class
	 * @param method the transition method
	 * @param parameterNames the names of all the method's parameters, the entity of a
	 * flow bean's method included (not the compiler's {@code arg0} when it kept no names)
	 */
	record TransitionMethod(String workflow, String name, Class<?> owner, Method method, List<String> parameterNames) {

		public TransitionMethod {
			parameterNames = List.copyOf(parameterNames);
		}

	}

}
