package com.example.reports;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.EntityRef;
import dev.fsm.TransitionResult;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.test.autoconfigure.WorkflowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's 30-second example, run as written: the entity of this module (package-private
 * fields, no getters) and the lines that fire its transitions.
 */
@WorkflowTest
@Import(ReportNotifications.class)
class ReadmeExampleTests {

	@Autowired
	Transitions transitions;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	ReportNotifications notifications;

	@Test
	@WithMockUser(username = "alice", roles = "EDITOR")
	void theReadmeExample() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "alice"));
		long id = this.reports.save(new CaseReport("Common case", "alice")).id;

		String message = transitions.on(report).submit();             // typed, checked, saved, in a transaction
		List<TransitionRoute> actions = transitions.allowed(report);   // what the current user may fire now
		transitions.fire(report, "publish");                           // by name, for generic UIs and APIs

		// in a controller, with an id: load and fire in one transaction, one read of the row
		TransitionResult<CaseReport> result = transitions.fire(EntityRef.of(CaseReport.class, id), "submit");

		assertThat(message).isEqualTo("Submitted for review.");
		assertThat(actions).extracting(TransitionRoute::name).containsExactly("publish");
		assertThat(this.transitions.state(report)).isEqualTo("PUBLISHED");
		assertThat(this.notifications.sent()).contains("To alice: 'Rare case' is now IN_REVIEW",
				"To alice: 'Rare case' is now PUBLISHED");
		assertThat(result.value()).isEqualTo("Submitted for review.");
		assertThat(result.state()).isEqualTo("IN_REVIEW");
		assertThat(result.entity().state).isEqualTo(ReportState.IN_REVIEW);
	}

}
