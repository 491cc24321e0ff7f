package dev.fsm.engine;

/** How far an attempt got; decides how a failure is handled. */
enum TransitionPhase {

	/** Source state, conditions, permission: a refusal; nothing changed. */
	CHECK,

	/** A pre-transition listener vetoed: nothing changed. */
	PRE_EVENT,

	/**
	 * A recorder failed to start recording: the transition is rolled back (a joined
	 * transaction marked rollback-only), so that no recorder keeps a start without an
	 * end.
	 */
	STARTING,

	/** The body (or the target it chose) failed: {@code onError} applies. */
	BODY,

	/**
	 * Save, flush, recorders, a post-transition listener or the commit failed (a commit
	 * that failed was rolled back by the transaction manager already).
	 */
	SAVE

}
