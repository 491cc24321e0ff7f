package dev.fsm.sample;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;

import dev.fsm.Transitions;
import dev.fsm.test.autoconfigure.WorkflowTest;

import static dev.fsm.test.WorkflowAssertions.assertThat;
import static dev.fsm.test.WorkflowAssertions.assertThatEntity;
import static dev.fsm.test.WorkflowAssertions.assertThatEvents;
import static dev.fsm.test.WorkflowAssertions.assertThatTransition;
import static dev.fsm.test.WorkflowAssertions.history;
import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case-report workflow in a workflow test: JPA on an embedded database, the engine, the
 * audit trail and the security test support, no web layer. {@link DemoUsers} for
 * {@code @WithUserDetails} and {@link ReportNotifications} are not flow beans, so the test
 * imports them.
 */
@WorkflowTest
@Import({ DemoUsers.class, ReportNotifications.class })
class CaseReportTransitionsTests {

	static final Authentication AUTHOR = user("author@example.com", "AUTHOR");

	static final Authentication STAFF = user("staff@example.com", "STAFF");

	@Autowired
	Transitions transitions;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	ReportNotifications notifications;

	@Test
	@WithMockUser("author@example.com")
	void theAuthorSubmitsADraftAndOnlyStaffReviewsIt() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		assertThatEntity(report).isIn(ReportState.DRAFT)
			.canFire("submit")
			.cannotFire("publish")
			.as(STAFF)
			.cannotFire("submit");

		this.transitions.on(report).submit();

		assertThatEntity(report).isIn(ReportState.ADMIN_REVIEW)
			.cannotFire("sendBack")
			.as(STAFF)
			.canFire("sendBack")
			.cannotFire("publish");
	}

	@Test
	void aReportGoesFromDraftToRetracted() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		as(AUTHOR, () -> this.transitions.on(report).submit());
		as(STAFF, () -> this.transitions.on(report).sendBack());
		as(AUTHOR, () -> this.transitions.on(report).submit());
		as(STAFF, () -> this.transitions.on(report).sendBack());
		as(AUTHOR, () -> this.transitions.on(report).approve());
		as(STAFF, () -> this.transitions.on(report).publish());
		as(STAFF, () -> this.transitions.on(report).retract());

		assertThatEntity(report).isIn(ReportState.RETRACTED);
		assertThat(history(report))
			.containsExactlyTransitions("submit", "sendBack", "submit", "sendBack", "approve", "publish", "retract")
			.containsTransitions("sendBack", "sendBack", "publish", "retract")
			.byActor("staff@example.com")
			.containsTransitions("submit", "submit", "approve")
			.byActor("author@example.com");
	}

	@Test
	void theAuthorEditsHerReportAndStaffEditOnlyWhileTheyReviewIt() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		assertThatEntity(report).as(AUTHOR).canFire("edit").as(STAFF).cannotFire("edit");
		as(AUTHOR, () -> this.transitions.on(report).edit("Rarer case", "Findings"));
		as(AUTHOR, () -> this.transitions.on(report).submit());

		assertThatEntity(report).isIn(ReportState.ADMIN_REVIEW).as(STAFF).canFire("edit").as(AUTHOR).cannotFire("edit");
		as(STAFF, () -> this.transitions.on(report).edit("Rarer case, copy-edited", "Findings"));
		assertThat(report.getTitle()).isEqualTo("Rarer case, copy-edited");
		assertThat(history(report)).containsExactlyTransitions("edit", "submit", "edit");
	}

	@Test
	void theAuthorRetractsHerLiveReport() {
		CaseReport report = submitted();
		as(STAFF, () -> this.transitions.on(report).sendBack());
		as(AUTHOR, () -> this.transitions.on(report).approve());
		as(STAFF, () -> this.transitions.on(report).publish());
		assertThatEntity(report).isIn(ReportState.LIVE).as(AUTHOR).canFire("retract").as(user("author2@example.com", "AUTHOR"))
			.cannotFire("retract");
		as(AUTHOR, () -> this.transitions.on(report).retract());
		assertThatEntity(report).isIn(ReportState.RETRACTED);
		assertThat(report.isAdminApproved()).isTrue();
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void publishingNeedsTheAuthorsApproval() {
		CaseReport report = submitted();
		assertThatTransition(() -> this.transitions.on(report).publish()).failsCondition("authorApproved");
		assertThatEntity(report).isIn(ReportState.ADMIN_REVIEW).cannotFire("publish");
	}

	@Test
	@WithMockUser("author@example.com")
	void onlyStaffSendsAReportBack() {
		CaseReport report = submitted();
		assertThatTransition(() -> this.transitions.on(report).sendBack()).isDeniedFor("author@example.com");
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void aDraftCannotBePublished() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		assertThatTransition(() -> this.transitions.on(report).publish()).isNotAllowedFrom(ReportState.DRAFT);
	}

	@Test
	@WithMockUser("author@example.com")
	void aSubmissionPublishesItsEventsAndTellsTheAuthorAfterCommit() {
		CaseReport report = this.reports.save(new CaseReport("Told after commit", "author@example.com"));
		assertThatEvents(() -> this.transitions.on(report).submit()).containsExactly(
				"pre submit DRAFT -> ADMIN_REVIEW by author@example.com",
				"post submit DRAFT -> ADMIN_REVIEW by author@example.com");
		assertThat(this.notifications.sent()).contains("To author@example.com: 'Told after commit' is now ADMIN_REVIEW"
				+ " (submit by author@example.com)");
	}

	@Test
	@WithUserDetails("staff@example.com")
	void staffFromTheApplicationsUsersSendsAReportBack() {
		CaseReport report = submitted();
		this.transitions.on(report).sendBack();
		assertThatEntity(report).isIn(ReportState.AUTHOR_REVIEW);
		assertThat(history(report)).containsTransitions("sendBack").byActor("staff@example.com");
	}

	private CaseReport submitted() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		as(AUTHOR, () -> this.transitions.on(report).submit());
		return report;
	}

	private void as(Authentication user, Supplier<?> transition) {
		this.transitions.runAs(user, transition);
	}

}
