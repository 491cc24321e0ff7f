package dev.fsm.it;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class SmokeTests {

	@Autowired
	Transitions transitions;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	CaseReportFlow flow;

	@Test
	@WithMockUser(username = "staff", roles = "STAFF")
	void firesEntityAndBeanTransitions() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		this.transitions.on(report).submit();
		assertThat(report.getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(this.flow.publish(report)).isEqualTo("Published Rare case in state LIVE");
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.LIVE);
	}

}
