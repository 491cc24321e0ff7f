package dev.fsm.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.EntityRef;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionResult;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample's case report fired the ways the README's 30-second example fires its own (that
 * example is getting-started's, run by its own ReadmeExampleTests).
 */
@SpringBootTest
class ReadmeExampleTests {

	@Autowired
	Transitions transitions;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	ReportNotifications notifications;

	@Test
	@WithMockUser(username = "author@example.com")
	void theReadmeExample() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));

		String message = this.transitions.on(report).submit();

		assertThat(message).isEqualTo("Submitted for review.");
		assertThat(report.getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(this.transitions.allowed(report)).extracting(TransitionRoute::name).isEmpty();
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.fire(report, "sendBack"));
		assertThat(this.notifications.sent()).contains("To author@example.com: 'Rare case' is now ADMIN_REVIEW"
				+ " (submit by author@example.com)");
	}

	@Test
	@WithMockUser(username = "author@example.com")
	void theReadmeExampleByIdAsAControllerWouldFireIt() {
		long id = this.reports.save(new CaseReport("Rare case", "author@example.com")).getId();

		TransitionResult<CaseReport> result = this.transitions.fire(EntityRef.of(CaseReport.class, id), "submit");

		assertThat(result.value()).isEqualTo("Submitted for review.");
		assertThat(result.state()).isEqualTo("ADMIN_REVIEW");
		assertThat(result.entity().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
	}

}
