package dev.fsm.sample;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ParameterDescriptor;

import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.BindingResult;

import dev.fsm.ArgumentViolation;
import dev.fsm.InvalidTransitionArgumentsException;

/**
 * The rules of a report's title and text, read from where they are declared once: the
 * parameters of the {@code edit} transition ({@link CaseReport#edit}). The form shows them
 * ({@code required}, {@code maxlength}), a new draft is checked by them as an edit would be, and
 * the engine's refusal of an edit becomes errors next to the fields.
 */
@Component
class ReportRules {

	private static final Method EDIT = ReflectionUtils.findMethod(CaseReport.class, ReportPages.EDIT, String.class,
			String.class);

	private static final List<String> FIELDS = List.of("title", "body");

	private final Validator validator;

	private final List<ParameterDescriptor> parameters;

	ReportRules(Validator validator) {
		this.validator = validator;
		this.parameters = validator.getConstraintsForClass(CaseReport.class)
			.getConstraintsForMethod(EDIT.getName(), EDIT.getParameterTypes())
			.getParameterDescriptors();
	}

	/** Rejects the fields of {@code form} that a new {@code draft} may not have, by the edit's rules. */
	void check(CaseReport draft, ReportForm form, BindingResult errors) {
		Set<ConstraintViolation<CaseReport>> violations = this.validator.forExecutables()
			.validateParameters(draft, EDIT, new Object[] { form.getTitle(), form.getBody() });
		for (ConstraintViolation<CaseReport> violation : violations) {
			for (Path.Node node : violation.getPropertyPath()) {
				if (node.getKind() == ElementKind.PARAMETER) {
					errors.rejectValue(FIELDS.get(node.as(Path.ParameterNode.class).getParameterIndex()), "Invalid",
							violation.getMessage());
				}
			}
		}
	}

	/** The engine's refusal of an edit as errors of the form's fields. */
	void reject(InvalidTransitionArgumentsException refusal, BindingResult errors) {
		for (ArgumentViolation violation : refusal.getViolations()) {
			errors.rejectValue(violation.argument(), violation.constraint(), violation.message());
		}
	}

	/** Whether the title must be given. */
	public boolean isTitleRequired() {
		return has(0, NotBlank.class);
	}

	/** The longest title, {@code null} for no limit. */
	public Integer getTitleMaxLength() {
		return maxLength(0);
	}

	/** The longest text, {@code null} for no limit. */
	public Integer getBodyMaxLength() {
		return maxLength(1);
	}

	private boolean has(int parameter, Class<?> constraint) {
		return this.parameters.get(parameter)
			.getConstraintDescriptors()
			.stream()
			.anyMatch((descriptor) -> constraint.isInstance(descriptor.getAnnotation()));
	}

	private Integer maxLength(int parameter) {
		for (ConstraintDescriptor<?> descriptor : this.parameters.get(parameter).getConstraintDescriptors()) {
			if (descriptor.getAnnotation() instanceof Size size && size.max() < Integer.MAX_VALUE) {
				return size.max();
			}
		}
		return null;
	}

}
