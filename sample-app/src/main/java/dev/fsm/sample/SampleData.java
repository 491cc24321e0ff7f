package dev.fsm.sample;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.fsm.Transitions;

/**
 * Three case reports to start with: a draft of each author and one of the first author's
 * waiting for staff, submitted through its transition so that its history says so.
 */
@Component
class SampleData implements ApplicationRunner {

	private final CaseReportRepository reports;

	private final Transitions transitions;

	SampleData(CaseReportRepository reports, Transitions transitions) {
		this.reports = reports;
		this.transitions = transitions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.reports.count() > 0) {
			return;
		}
		this.reports.save(new CaseReport("Rare presentation of Erdheim-Chester disease",
				"A 54-year-old man presented with bone pain and diabetes insipidus.", DemoUsers.AUTHOR));
		CaseReport waiting = this.reports.save(new CaseReport("Pediatric Kawasaki disease with giant aneurysm",
				"A 3-year-old girl with 9 days of fever developed a giant coronary aneurysm.", DemoUsers.AUTHOR));
		this.reports.save(new CaseReport("Takotsubo cardiomyopathy after a marathon",
				"A 61-year-old runner collapsed at the finish line.", DemoUsers.OTHER_AUTHOR));
		this.transitions.runAs(DemoUsers.AUTHOR, () -> this.transitions.on(waiting).submit());
	}

}
