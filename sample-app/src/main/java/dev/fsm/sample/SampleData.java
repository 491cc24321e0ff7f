package dev.fsm.sample;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Two case reports to start with.
 */
@Component
class SampleData implements ApplicationRunner {

	private final CaseReportRepository reports;

	SampleData(CaseReportRepository reports) {
		this.reports = reports;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.reports.count() == 0) {
			this.reports.save(new CaseReport("Rare presentation of Erdheim-Chester disease", "author@example.com"));
			this.reports.save(new CaseReport("Pediatric Kawasaki disease with giant aneurysm", "author@example.com"));
		}
	}

}
