package com.example.reports;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.fsm.Transitions;

/** Two reports of alice's to start with: a draft, and one she submitted. */
@Component
class FirstReports implements ApplicationRunner {

	private final CaseReportRepository reports;

	private final Transitions transitions;

	FirstReports(CaseReportRepository reports, Transitions transitions) {
		this.reports = reports;
		this.transitions = transitions;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.reports.save(new CaseReport("Rare case", "alice"));
		CaseReport submitted = this.reports.save(new CaseReport("Common case", "alice"));
		this.transitions.runAs("alice", () -> this.transitions.fire(submitted, "submit"));
	}

}
