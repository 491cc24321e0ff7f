package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The arguments of a transition break the Bean Validation constraints declared on its
 * parameters ({@code @NotBlank}, {@code @Size(max = 200)}, {@code @Valid}). Checked for
 * every way of firing it (typed, by name, by id, flow beans, timers, the HTTP API) after
 * the source state, conditions and permission, before any event, state change or body:
 * nothing has changed. An HTTP API maps it to 400 Bad Request with one error per
 * violation.
 * <p>
 * Also thrown, with no violations, when the arguments do not fit the transition method at
 * all: their number, a type, or a {@code null} where Kotlin declares the parameter
 * non-null.
 *
 * @since 0.2.0
 */
public class InvalidTransitionArgumentsException extends TransitionException {

	private final List<ArgumentViolation> violations;

	public InvalidTransitionArgumentsException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, @Nullable String currentState, List<ArgumentViolation> violations) {
		super(message, entityType, entityId, transition, currentState);
		this.violations = List.copyOf(violations);
	}

	/**
	 * Every violated constraint, in the order of the parameters; empty when the arguments
	 * do not fit the method (the message says how).
	 */
	public List<ArgumentViolation> getViolations() {
		return this.violations;
	}

	@Override
	public Reason getReason() {
		return Reason.INVALID_ARGUMENTS;
	}

}
