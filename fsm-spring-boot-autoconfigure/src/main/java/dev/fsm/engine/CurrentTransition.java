package dev.fsm.engine;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionContext;

/**
 * Holds the transition whose body runs on the current thread; chained transitions nest.
 */
public final class CurrentTransition {

	private static final ThreadLocal<@Nullable TransitionAttempt> CURRENT = new ThreadLocal<>();

	private CurrentTransition() {
	}

	/** The innermost running transition, or {@code null}. */
	public static @Nullable TransitionContext get() {
		return CURRENT.get();
	}

	static @Nullable TransitionAttempt enter(TransitionAttempt attempt) {
		TransitionAttempt outer = CURRENT.get();
		CURRENT.set(attempt);
		return outer;
	}

	static void exit(@Nullable TransitionAttempt outer) {
		if (outer != null) {
			CURRENT.set(outer);
		}
		else {
			CURRENT.remove();
		}
	}

}
