package dev.fsm;

/**
 * How a transition guards against a concurrent change of its entity.
 *
 * @see Transition#lock()
 * @see StateField#lock()
 */
public enum Locking {

	/**
	 * What the workflow declares ({@link StateField#lock()}), else
	 * {@code fsm.locking.mode} (optimistic unless configured).
	 */
	DEFAULT,

	/**
	 * Optimistic: no lock is held; the {@code @Version} check when the transition saves
	 * (or, without {@code @Version}, a locked read of the stored state) makes the second
	 * of two concurrent transitions fail with {@link ConcurrentTransitionException}.
	 */
	OPTIMISTIC,

	/**
	 * Pessimistic: before its checks the transition locks the entity's row
	 * ({@code SELECT ... FOR UPDATE}) and verifies it still holds the state and version
	 * the entity was read with; a transition fired by id loads the entity under the lock,
	 * so the second of two concurrent transitions waits, then sees what the first
	 * committed. Waiting longer than the lock timeout fails with
	 * {@link TransitionLockTimeoutException}.
	 */
	PESSIMISTIC

}
