package dev.fsm.sample;

import dev.fsm.StateInfo;

/**
 * The states of a case report, with the names the talk shows its users: a report in
 * {@link #ADMIN_REVIEW} is "processing". The labels are the workflow's own ({@link StateInfo}):
 * the pages, the workflow console, the HTTP API and the diagrams show them.
 */
public enum ReportState {

	@StateInfo(label = "Draft", description = "The author is writing the report")
	DRAFT,

	@StateInfo(label = "Processing", description = "Staff review the report")
	ADMIN_REVIEW,

	@StateInfo(label = "Author review", description = "The author checks what staff changed and approves it")
	AUTHOR_REVIEW,

	@StateInfo(label = "Live", description = "Published: every reader sees it")
	LIVE,

	@StateInfo(label = "Retracted", description = "Taken offline; the author may edit it again")
	RETRACTED

}
