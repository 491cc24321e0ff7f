package dev.fsm.engine;

/** How far an attempt got; decides how a failure is handled. */
enum TransitionPhase {

	/** Source state, conditions, permission: a refusal; nothing changed. */
	CHECK,

	/** A pre-transition listener vetoed: nothing changed. */
	PRE_EVENT,

	/** The body (or the target it chose) failed: {@code onError} applies. */
	BODY,

	/** Save, flush, recorders or a post-transition listener failed. */
	SAVE,

	/** The commit failed; the transaction manager has rolled back already. */
	COMMIT

}
