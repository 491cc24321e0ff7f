package dev.fsm.sample;

/**
 * The states of a case report.
 */
public enum ReportState {

	DRAFT, ADMIN_REVIEW, AUTHOR_REVIEW, LIVE, RETRACTED

}
