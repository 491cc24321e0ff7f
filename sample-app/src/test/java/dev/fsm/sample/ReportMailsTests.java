package dev.fsm.sample;

import java.util.Arrays;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.Transitions;

import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail of the workflow reaches a real SMTP server (GreenMail, on loopback in this JVM) after
 * the transition committed, and none leaves for a transition that rolled back.
 */
@SpringBootTest
class ReportMailsTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	Transitions transitions;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void emptyTheMailboxes() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void withAMailHostTheMailGoesOverSmtpAndThereIsNoOutbox() {
		assertThat(this.context.getBean(JavaMailSender.class)).isNotInstanceOf(OutboxMailSender.class);
		assertThat(this.context.getBeanNamesForType(OutboxMailSender.class)).isEmpty();
	}

	@Test
	void staffSendingAReportBackMailsItsAuthor() throws Exception {
		CaseReport report = submitted("Sent back by mail");
		as(DemoUsers.STAFF, "STAFF", () -> this.transitions.on(report).sendBack());

		MimeMessage mail = onlyMail();
		assertThat(recipients(mail)).containsExactly(DemoUsers.AUTHOR);
		assertThat(mail.getFrom()[0].toString()).isEqualTo("case-reports@example.com");
		assertThat(mail.getSubject()).isEqualTo("Your case report was sent back: Sent back by mail");
		assertThat(GreenMailUtil.getBody(mail).replace("\r\n", "\n")).isEqualTo("Staff (staff@example.com) sent your"
				+ " case report \"Sent back by mail\" back to you.\n\nPlease read it again, then approve it or edit and"
				+ " submit it:\nhttp://localhost:8080/reports/" + report.getId());
	}

	@Test
	void theAuthorsApprovalMailsStaffAndPublishingMailsTheAuthor() throws Exception {
		CaseReport report = submitted("Approved and published");
		as(DemoUsers.STAFF, "STAFF", () -> this.transitions.on(report).sendBack());
		smtp.waitForIncomingEmail(5000, 1);
		smtp.purgeEmailFromAllMailboxes();

		as(DemoUsers.AUTHOR, "AUTHOR", () -> this.transitions.on(report).approve());
		MimeMessage approved = onlyMail();
		assertThat(recipients(approved)).containsExactly(DemoUsers.STAFF);
		assertThat(approved.getSubject()).isEqualTo("Approved by its author: Approved and published");
		smtp.purgeEmailFromAllMailboxes();

		as(DemoUsers.STAFF, "STAFF", () -> this.transitions.on(report).publish());
		MimeMessage published = onlyMail();
		assertThat(recipients(published)).containsExactly(DemoUsers.AUTHOR);
		assertThat(published.getSubject()).isEqualTo("Your case report is live: Approved and published");
	}

	@Test
	void submittingSendsNoMail() {
		submitted("Submitted quietly");
		assertThat(smtp.waitForIncomingEmail(1000, 1)).isFalse();
	}

	@Test
	void aTransitionThatRollsBackSendsNoMail() {
		CaseReport report = submitted("Rolled back");
		this.transaction.executeWithoutResult((status) -> {
			as(DemoUsers.STAFF, "STAFF", () -> this.transitions.on(this.reports.findById(report.getId()).orElseThrow())
				.sendBack());
			status.setRollbackOnly();
		});

		assertThat(smtp.waitForIncomingEmail(1000, 1)).isFalse();
		CaseReport stored = this.reports.findById(report.getId()).orElseThrow();
		assertThat(stored.getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(this.transitions.history(stored)).extracting("transition").containsExactly("submit");
	}

	private MimeMessage onlyMail() {
		assertThat(smtp.waitForIncomingEmail(5000, 1)).as("a mail arrived").isTrue();
		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(1);
		return mails[0];
	}

	private static String[] recipients(MimeMessage mail) throws Exception {
		return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString).toArray(String[]::new);
	}

	private CaseReport submitted(String title) {
		CaseReport report = this.reports.save(new CaseReport(title, "Findings", DemoUsers.AUTHOR));
		as(DemoUsers.AUTHOR, "AUTHOR", () -> this.transitions.on(report).submit());
		return report;
	}

	private void as(String name, String role, java.util.function.Supplier<?> work) {
		this.transitions.runAs(user(name, role), work);
	}

}
