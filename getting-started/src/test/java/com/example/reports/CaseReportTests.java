package com.example.reports;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.Transitions;
import dev.fsm.test.autoconfigure.WorkflowTest;

import static dev.fsm.test.WorkflowAssertions.assertThatEntity;
import static dev.fsm.test.WorkflowAssertions.assertThatTransition;
import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThat;

@WorkflowTest
@Import(ReportNotifications.class)
class CaseReportTests {

	@Autowired
	Transitions transitions;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	ReportNotifications notifications;

	@Test
	@WithMockUser("alice")
	void theAuthorSubmitsHerReportAndAnEditorMayPublishIt() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "alice"));
		assertThatEntity(report).isIn(ReportState.DRAFT).canFire("submit").cannotFire("publish");

		this.transitions.on(report).submit();

		assertThatEntity(report).isIn(ReportState.IN_REVIEW).cannotFire("publish")
			.as(user("erin", "EDITOR")).canFire("publish");
		assertThat(this.notifications.sent()).contains("To alice: 'Rare case' is now IN_REVIEW");
	}

	@Test
	@WithMockUser("alice")
	void aReportNeedsATitle() {
		CaseReport report = this.reports.save(new CaseReport(null, "alice"));
		assertThatTransition(() -> this.transitions.on(report).submit()).failsCondition("title != null");
		assertThatEntity(report).isIn(ReportState.DRAFT);
	}

	@Test
	@WithMockUser("bob")
	void nobodyElseSubmitsIt() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "alice"));
		assertThatTransition(() -> this.transitions.on(report).submit()).isDeniedFor("bob");
	}

}
