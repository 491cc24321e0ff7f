package dev.fsm;

/**
 * One argument of a transition that breaks a Bean Validation constraint declared on its
 * parameter ({@code @NotBlank String title}); one of the violations of an
 * {@link InvalidTransitionArgumentsException}.
 *
 * @param argument the parameter's name, followed by the path inside it for a cascaded
 * ({@code @Valid}) value or a container element: {@code title}, {@code address.street},
 * {@code tags[2]}
 * @param message the constraint's message, interpolated by the application's validator
 * (and so translated through its {@code MessageSource})
 * @param constraint the simple name of the constraint annotation: {@code NotBlank},
 * {@code Size}
 * @since 0.2.0
 */
public record ArgumentViolation(String argument, String message, String constraint) {

	@Override
	public String toString() {
		return this.argument + ": " + this.message;
	}

}
