package dev.fsm.validation;

import jakarta.validation.Validator;

import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.ArgumentValidator;

/**
 * The package-private Bean Validation of arguments, for the tests of other packages.
 */
public final class BeanValidations {

	private BeanValidations() {
	}

	public static ArgumentValidator arguments(Validator validator, WorkflowRegistry registry) {
		return new BeanValidationArguments(validator, registry);
	}

}
