package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * Holds the transition whose body runs on the current thread, the way Spring's
 * {@code LocaleContextHolder} holds a locale. The engine sets it around every transition body
 * (chained transitions nest); application code reads it through
 * {@link TransitionContext#current()}.
 *
 * @since 0.2.0
 */
public final class TransitionContextHolder {

	private static final ThreadLocal<@Nullable TransitionContext> CURRENT = new ThreadLocal<>();

	private TransitionContextHolder() {
	}

	/** The innermost transition running on this thread, or {@code null}. */
	public static @Nullable TransitionContext get() {
		return CURRENT.get();
	}

	/**
	 * Makes {@code context} the running transition of this thread.
	 * @return the one it replaces, to pass back to {@code set} when the body ends
	 */
	public static @Nullable TransitionContext set(@Nullable TransitionContext context) {
		TransitionContext outer = CURRENT.get();
		// null stays an entry of the thread's map: set on every transition, it is not worth removing
		CURRENT.set(context);
		return outer;
	}

}
