package dev.fsm.sample;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A {@code JavaMailSender} that delivers into an in-app outbox instead of an SMTP server: the
 * sample's mail when no {@code spring.mail.host} is set, so a new user reads it at
 * {@code /outbox}. The messages are built as real MIME messages; only the transport differs.
 */
class OutboxMailSender extends JavaMailSenderImpl {

	/** One delivered mail. */
	record OutboxMail(Instant sentAt, String from, List<String> to, String subject, String text) {

		boolean isFor(String address) {
			return this.to.contains(address);
		}

	}

	private final List<OutboxMail> mails = new CopyOnWriteArrayList<>();

	@Override
	protected void doSend(MimeMessage[] mimeMessages, Object @Nullable [] originalMessages) {
		for (MimeMessage message : mimeMessages) {
			this.mails.add(read(message));
		}
	}

	/** The outbox is always there: nothing to connect to (the mail health indicator asks). */
	@Override
	public void testConnection() {
	}

	/** The delivered mails, newest first. */
	List<OutboxMail> mails() {
		List<OutboxMail> newestFirst = new ArrayList<>(this.mails);
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	private static OutboxMail read(MimeMessage message) {
		try {
			return new OutboxMail(Instant.now(), String.join(", ", addresses(message.getFrom())),
					addresses(message.getAllRecipients()), message.getSubject(), String.valueOf(message.getContent()));
		}
		catch (MessagingException | IOException ex) {
			throw new MailPreparationException("Could not read the mail to put it in the outbox", ex);
		}
	}

	private static List<String> addresses(Address @Nullable [] addresses) {
		return (addresses != null) ? Arrays.stream(addresses).map(Address::toString).toList() : List.of();
	}

}
