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
 * </pre>
 */
public interface TransitionContext {

	/** The transition name. */
	String transition();

	/** The workflow name. */
	String workflow();

	/** The state the entity was in when the transition was fired. */
	@Nullable String sourceState();

	/** Who fired the transition. */
	String actor();

	/** Sets the description recorded in the audit trail for this one firing. */
	void setDescription(@Nullable String description);

	/** The innermost transition running on this thread, if any. */
	static Optional<TransitionContext> current() {
		return Optional.ofNullable(TransitionContextHolder.get());
	}

	/**
	 * Sets the audit description of the transition running on this thread.
	 * @throws IllegalStateException when no transition is running
	 */
	static void describe(String description) {
		current().orElseThrow(() -> new IllegalStateException(
				"TransitionContext.describe(..) was called outside a transition body"))
			.setDescription(description);
	}

}
