package dev.fsm.validation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.ArgumentValidator;

/**
 * The beans of this package: Bean Validation of transition arguments with the
 * application's validator (Spring Boot's, which translates messages through the
 * {@code MessageSource}), unless the application declares its own
 * {@link ArgumentValidator}. Imported by the auto-configuration.
 * <p>
 * Package-private like the beans' types: the auto-configuration imports it by name.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "jakarta.validation.executable.ExecutableValidator")
final class ValidationConfiguration {

	@Bean
	@ConditionalOnMissingBean(ArgumentValidator.class)
	@ConditionalOnSingleCandidate(jakarta.validation.Validator.class)
	BeanValidationArguments fsmArgumentValidator(jakarta.validation.Validator validator, WorkflowRegistry registry) {
		return new BeanValidationArguments(validator, registry);
	}

}
