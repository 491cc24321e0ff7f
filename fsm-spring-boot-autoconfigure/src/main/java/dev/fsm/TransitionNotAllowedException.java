package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The transition cannot be fired: the current state is not one of its sources, the entity has
 * no transition of that name, or the arguments do not fit the transition method.
 */
public class TransitionNotAllowedException extends TransitionException {

	private final List<String> allowedSources;

	public TransitionNotAllowedException(String message, Class<?> entityType, @Nullable Object entityId,
			String transition, @Nullable String currentState, List<String> allowedSources) {
		super(message, entityType, entityId, transition, currentState);
		this.allowedSources = List.copyOf(allowedSources);
	}

	/** The states the transition may be fired from; empty when the transition does not exist. */
	public List<String> getAllowedSources() {
		return this.allowedSources;
	}

}
