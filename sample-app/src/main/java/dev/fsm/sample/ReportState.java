package dev.fsm.sample;

/**
 * The states of a case report, with the names the talk shows its users: a report in
 * {@link #ADMIN_REVIEW} is "processing".
 */
public enum ReportState {

	DRAFT("Draft"), ADMIN_REVIEW("Processing"), AUTHOR_REVIEW("Author review"), LIVE("Live"), RETRACTED("Retracted");

	private final String label;

	ReportState(String label) {
		this.label = label;
	}

	/** The name shown on the pages. */
	public String label() {
		return this.label;
	}

}
