package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A transition with several targets returned a state that is not one of them. The
 * transition is rolled back.
 */
public class InvalidTargetStateException extends TransitionException {

	private final @Nullable Object returned;

	private final List<String> allowedTargets;

	public InvalidTargetStateException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, String currentState, @Nullable Object returned, List<String> allowedTargets) {
		super(message, entityType, entityId, transition, currentState);
		this.returned = returned;
		this.allowedTargets = List.copyOf(allowedTargets);
	}

	/** What the transition method returned. */
	public @Nullable Object getReturned() {
		return this.returned;
	}

	/** The declared targets. */
	public List<String> getAllowedTargets() {
		return this.allowedTargets;
	}

	@Override
	public Reason getReason() {
		return Reason.INVALID_TARGET;
	}

}
