package dev.fsm.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.fsm.PostTransitionEvent;

/**
 * The talk's e-mails, sent after the transition committed (a transition that rolls back sends
 * none): the author hears when staff send a report back, when the review period ran out and
 * when it goes live, staff hear when the author approved one. A mail that cannot be sent leaves the transition committed and is
 * logged with the transition it was for.
 */
@Component
class ReportMails {

	private static final Log logger = LogFactory.getLog(ReportMails.class);

	private final JavaMailSender mailSender;

	private final String from;

	private final String staff;

	private final Environment environment;

	ReportMails(JavaMailSender mailSender, @Value("${sample.mail.from:case-reports@example.com}") String from,
			@Value("${sample.mail.staff:" + DemoUsers.STAFF + "}") String staff,
			Environment environment) {
		this.mailSender = mailSender;
		this.from = from;
		this.staff = staff;
		this.environment = environment;
	}

	@TransactionalEventListener
	void mail(PostTransitionEvent<CaseReport> event) {
		SimpleMailMessage mail = compose(event);
		if (mail == null) {
			return;
		}
		try {
			this.mailSender.send(mail);
		}
		catch (MailException ex) {
			CaseReport report = event.getEntity();
			logger.error("Could not send the mail '" + mail.getSubject() + "' after transition '" + event.getTransition()
					+ "' of CaseReport#" + report.getId() + " by " + event.getActor()
					+ "; the transition stays committed", ex);
		}
	}

	private @Nullable SimpleMailMessage compose(PostTransitionEvent<CaseReport> event) {
		CaseReport report = event.getEntity();
		// read when sending: the port of a server started on any free one is known only then
		String link = this.environment.getProperty("sample.base-url", "http://localhost:8080") + "/reports/"
				+ report.getId();
		return switch (event.getTransition()) {
			case "sendBack" -> mail(report.getAuthorEmail(), "Your case report was sent back: " + report.getTitle(),
					"Staff (" + event.getActor() + ") sent your case report \"" + report.getTitle()
							+ "\" back to you.\n\nPlease read it again, then approve it or edit and submit it:\n" + link);
			case "approve" -> mail(this.staff, "Approved by its author: " + report.getTitle(),
					report.getAuthorEmail() + " approved the case report \"" + report.getTitle()
							+ "\". It is ready to be published:\n" + link);
			case "authorReviewTimedOut" -> mail(report.getAuthorEmail(),
					"Your case report went back to staff: " + report.getTitle(),
					"You did not answer within the review period, so your case report \"" + report.getTitle()
							+ "\" went back to staff, who will decide how to go on.\n\n" + link);
			case "publish" -> mail(report.getAuthorEmail(), "Your case report is live: " + report.getTitle(),
					"Your case report \"" + report.getTitle() + "\" has been published.\n\n" + link);
			default -> null;
		};
	}

	private SimpleMailMessage mail(String to, String subject, String text) {
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.from);
		mail.setTo(to);
		mail.setSubject(subject);
		mail.setText(text);
		return mail;
	}

}
