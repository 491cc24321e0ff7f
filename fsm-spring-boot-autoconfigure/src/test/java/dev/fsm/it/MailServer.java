package dev.fsm.it;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** Stands in for an SMTP client: records recipients, or refuses when told to. */
@Component
public class MailServer {

	private final List<String> sent = new ArrayList<>();

	private boolean down;

	public void send(String recipient) {
		if (this.down) {
			throw new IllegalStateException("connection refused");
		}
		this.sent.add(recipient);
	}

	public List<String> sent() {
		return this.sent;
	}

	public void setDown(boolean down) {
		this.down = down;
	}

}
