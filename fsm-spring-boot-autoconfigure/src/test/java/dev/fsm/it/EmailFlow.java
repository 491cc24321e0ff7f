package dev.fsm.it;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import dev.fsm.Transition;
import dev.fsm.Transitions;

/** Flow-class style: the entity is a parameter; the body chains the next transition. */
@Service
public class EmailFlow {

	private final Transitions transitions;

	private final MailServer mailServer;

	public EmailFlow(@Lazy Transitions transitions, MailServer mailServer) {
		this.transitions = transitions;
		this.mailServer = mailServer;
	}

	@Transition(source = "NEW", target = "SENDING")
	public String send(Email email) {
		String stateSeenByBody = email.getState();
		try {
			this.mailServer.send(email.getRecipient());
		}
		catch (RuntimeException ex) {
			this.transitions.on(email).failed();
			return stateSeenByBody + " -> failed";
		}
		this.transitions.on(email).complete();
		return stateSeenByBody + " -> completed";
	}

}
