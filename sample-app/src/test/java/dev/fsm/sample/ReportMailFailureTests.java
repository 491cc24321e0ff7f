package dev.fsm.sample;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.fsm.TransitionResult;
import dev.fsm.EntityRef;
import dev.fsm.Transitions;

import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail server that is down: the transition stays committed, its caller gets its result, and
 * the log names the transition whose mail was lost.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ReportMailFailureTests {

	@DynamicPropertySource
	static void aMailServerThatIsDown(DynamicPropertyRegistry properties) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> closedPort);
		properties.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
	}

	@Autowired
	Transitions transitions;

	@Autowired
	CaseReportRepository reports;

	@Test
	void aMailThatFailsLeavesTheTransitionCommittedAndIsLoggedWithIt(CapturedOutput output) {
		CaseReport report = this.reports.save(new CaseReport("Mail server down", "Findings", DemoUsers.AUTHOR));
		this.transitions.runAs(user(DemoUsers.AUTHOR, "AUTHOR"), () -> this.transitions.on(report).submit());

		TransitionResult<CaseReport> result = this.transitions.runAs(user(DemoUsers.STAFF, "STAFF"),
				() -> this.transitions.fire(EntityRef.of(CaseReport.class, report.getId()).ifVersion(1L), "sendBack"));

		assertThat(result.value()).isEqualTo("The case report has been sent back to its author.");
		CaseReport stored = this.reports.findById(report.getId()).orElseThrow();
		assertThat(stored.getState()).isEqualTo(ReportState.AUTHOR_REVIEW);
		assertThat(stored.getVersion()).isEqualTo(2);
		assertThat(output).contains("ERROR").contains("Could not send the mail 'Your case report was sent back: Mail server"
				+ " down' after transition 'sendBack' of CaseReport#" + report.getId() + " by staff@example.com;"
				+ " the transition stays committed").contains("MailSendException");
	}

}
