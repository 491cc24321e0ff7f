package dev.fsm.validation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.MethodDescriptor;
import org.jspecify.annotations.Nullable;

import dev.fsm.ArgumentViolation;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.ArgumentValidator;

/**
 * Validates the arguments of transitions with the application's Bean Validation
 * {@link Validator}, as Spring's method validation would: the constraints of the method's
 * parameters, cascading into {@code @Valid} ones. Whether a method declares any
 * constraint is decided once, at start-up, for every transition of the registry: a
 * transition without constraints is never handed to the validator.
 */
final class BeanValidationArguments implements ArgumentValidator {

	private final Validator validator;

	private final ExecutableValidator executables;

	/** Whether each transition method declares a constraint on a parameter. */
	private final Map<Method, Boolean> constrained = new ConcurrentHashMap<>();

	BeanValidationArguments(Validator validator, WorkflowRegistry registry) {
		this.validator = validator;
		this.executables = validator.forExecutables();
		for (WorkflowModel workflow : registry.workflows()) {
			for (TransitionModel transition : workflow.transitions()) {
				this.constrained.put(transition.method(), declaresConstraints(transition.validated()));
			}
		}
	}

	@Override
	public List<ArgumentViolation> validate(TransitionMethod transition, Object target, @Nullable Object[] arguments) {
		if (!this.constrained.computeIfAbsent(transition.method(), (method) -> declaresConstraints(transition))) {
			return List.of();
		}
		Set<ConstraintViolation<Object>> violations = this.executables.validateParameters(target, transition.method(),
				arguments);
		if (violations.isEmpty()) {
			return List.of();
		}
		List<Found> found = new ArrayList<>();
		for (ConstraintViolation<Object> violation : violations) {
			found.add(found(transition, violation));
		}
		found.sort(Comparator.comparingInt(Found::index)
			.thenComparing((each) -> each.violation().argument())
			.thenComparing((each) -> each.violation().constraint())
			.thenComparing((each) -> each.violation().message()));
		return found.stream().map(Found::violation).toList();
	}

	private boolean declaresConstraints(TransitionMethod transition) {
		Method method = transition.method();
		MethodDescriptor descriptor = this.validator.getConstraintsForClass(transition.owner())
			.getConstraintsForMethod(method.getName(), method.getParameterTypes());
		return descriptor != null && descriptor.hasConstrainedParameters();
	}

	/**
	 * The violation named by the transition's own parameter name (not the validator's,
	 * which is {@code arg0} without {@code -parameters}), then the path inside the
	 * argument.
	 */
	private static Found found(TransitionMethod transition, ConstraintViolation<Object> violation) {
		StringBuilder argument = new StringBuilder();
		int index = Integer.MAX_VALUE;
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.getKind() == ElementKind.METHOD) {
				continue;
			}
			if (node.getKind() == ElementKind.PARAMETER) {
				index = node.as(Path.ParameterNode.class).getParameterIndex();
				argument.append(transition.parameterNames().get(index));
				continue;
			}
			if (node.getKind() == ElementKind.CROSS_PARAMETER) {
				argument.append("(arguments)");
				continue;
			}
			if (node.isInIterable()) {
				Object position = (node.getIndex() != null) ? node.getIndex() : node.getKey();
				argument.append('[').append((position != null) ? position : "").append(']');
			}
			if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
				argument.append('.').append(node.getName());
			}
		}
		String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		return new Found(index, new ArgumentViolation(argument.toString(), violation.getMessage(), constraint));
	}

	private record Found(int index, ArgumentViolation violation) {

	}

}
