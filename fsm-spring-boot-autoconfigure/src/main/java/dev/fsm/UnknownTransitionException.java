package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The entity has no transition of the name given to
 * {@link Transitions#fire(Object, String, Object...)} (or to a firing by id), or several
 * of its workflows have one and the name alone does not say which. Nothing has changed.
 *
 * @since 0.6.0
 */
public class UnknownTransitionException extends TransitionException {

	private final List<String> transitions;

	/**
	 * @param currentState the entity's states, comma-separated when it has several
	 * workflows; {@code null} when it was not read
	 * @param transitions the names of the transitions the entity has; empty when the name
	 * is ambiguous
	 */
	public UnknownTransitionException(String message, Class<?> entityType, @Nullable Object entityId, String transition,
			@Nullable String currentState, List<String> transitions) {
		super(message, entityType, entityId, transition, currentState);
		this.transitions = List.copyOf(transitions);
	}

	/** The names of the entity's transitions; empty when the name is ambiguous. */
	public List<String> getTransitions() {
		return this.transitions;
	}

	@Override
	public Reason getReason() {
		return Reason.UNKNOWN_TRANSITION;
	}

}
