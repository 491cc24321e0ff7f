package dev.fsm;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The transition running on the current thread, for code inside a transition body.
 *
 * <pre class="code">
 * &#64;Transition(source = "ADMIN_REVIEW", target = "AUTHOR_REVIEW")
 * public void sendBack(String reason) {
 *     TransitionContext.describe("Sent back: " + reason);
 * }
 * </pre> The engine makes a transition current around its body (chained transitions
 * nest), the way Spring's {@code LocaleContextHolder} holds a locale; {@link #current()}
 * is the one way to read it. Applications read contexts and do not create them.
 */
public abstract class TransitionContext {

	private static final ThreadLocal<@Nullable TransitionContext> CURRENT = new ThreadLocal<>();

	/** For the engine, which implements the running transition. */
	protected TransitionContext() {
	}

	/** The transition name. */
	public abstract String transition();

	/** The workflow name. */
	public abstract String workflow();

	/** The state the entity was in when the transition was fired. */
	public abstract @Nullable String sourceState();

	/** Who fired the transition. */
	public abstract String actor();

	/** Sets the description recorded in the audit trail for this one firing. */
	public abstract void setDescription(@Nullable String description);

	/** The innermost transition running on this thread, if any. */
	public static Optional<TransitionContext> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/**
	 * Sets the audit description of the transition running on this thread.
	 * @throws IllegalStateException when no transition is running
	 */
	public static void describe(String description) {
		current().orElseThrow(
				() -> new IllegalStateException("TransitionContext.describe(..) was called outside a transition body"))
			.setDescription(description);
	}

	/**
	 * Makes {@code context} the running transition of this thread; for the engine, around
	 * a transition body.
	 * @return the one it replaces, to pass back when the body ends
	 */
	protected static @Nullable TransitionContext makeCurrent(@Nullable TransitionContext context) {
		TransitionContext outer = CURRENT.get();
		// null stays an entry of the thread's map: set on every transition, it is not
		// worth removing
		CURRENT.set(context);
		return outer;
	}

}
