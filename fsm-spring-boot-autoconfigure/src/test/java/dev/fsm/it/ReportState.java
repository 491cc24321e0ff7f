package dev.fsm.it;

public enum ReportState {

	DRAFT, ADMIN_REVIEW, AUTHOR_REVIEW, LIVE, RETRACTED

}
