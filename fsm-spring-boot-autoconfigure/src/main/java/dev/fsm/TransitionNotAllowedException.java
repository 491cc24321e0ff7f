package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The transition cannot be fired from the entity's current state: that state is not one
 * of its sources. An unknown transition name is an {@link UnknownTransitionException},
 * arguments that do not fit an {@link InvalidTransitionArgumentsException}.
 */
public class TransitionNotAllowedException extends TransitionException {

	private final List<String> allowedSources;

	public TransitionNotAllowedException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, @Nullable String currentState, List<String> allowedSources) {
		super(message, entityType, entityId, transition, currentState);
		this.allowedSources = List.copyOf(allowedSources);
	}

	/** The states the transition may be fired from. */
	public List<String> getAllowedSources() {
		return this.allowedSources;
	}

	@Override
	public Reason getReason() {
		return Reason.WRONG_STATE;
	}

}
