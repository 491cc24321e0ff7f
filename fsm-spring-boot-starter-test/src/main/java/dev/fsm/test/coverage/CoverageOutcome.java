package dev.fsm.test.coverage;

/**
 * How one attempt to fire a transition ended, as the coverage counts it.
 */
enum CoverageOutcome {

	/** The transition ran and committed. */
	COMMITTED("committed"),

	/** The checks refused it: wrong state, a condition, the permission. */
	REFUSED("refused"),

	/**
	 * It passed its checks and then failed: a listener, the body, the save, a conflict.
	 */
	FAILED("failed");

	private final String key;

	CoverageOutcome(String key) {
		this.key = key;
	}

	/** The name in the JSON file and the report. */
	String key() {
		return this.key;
	}

}
