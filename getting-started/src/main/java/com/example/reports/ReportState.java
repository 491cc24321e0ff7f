package com.example.reports;

public enum ReportState {

	DRAFT, IN_REVIEW, PUBLISHED

}
