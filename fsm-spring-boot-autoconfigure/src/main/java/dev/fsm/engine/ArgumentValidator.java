package dev.fsm.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fsm.ArgumentViolation;
import dev.fsm.metamodel.TransitionModel;

/**
 * Checks the arguments of a transition against the constraints declared on its parameters
 * (Bean Validation), after its checks and before anything runs. A transition whose
 * parameters declare no constraint costs nothing: implementations decide that once per
 * method.
 * <p>
 * Public because the auto-configuration passes one to the {@link TransitionExecutor}.
 */
@FunctionalInterface
public interface ArgumentValidator {

	/** Accepts every argument: the engine without Bean Validation on the classpath. */
	ArgumentValidator NONE = (transition, target, arguments) -> List.of();

	/**
	 * @param target the object the method runs on: the entity, or the flow bean
	 * @param arguments every argument of the method, the entity of a flow bean's method
	 * included
	 * @return the violated constraints, in the order of the parameters; empty when the
	 * arguments are valid
	 */
	List<ArgumentViolation> validate(TransitionModel transition, Object target, @Nullable Object[] arguments);

}
