package dev.fsm.audit.it;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import dev.fsm.Transition;
import dev.fsm.Transitions;

/** Transitions on a bean; {@link #triage} chains a second transition from its body. */
@Service
public class TicketDesk {

	private final Transitions transitions;

	TicketDesk(@Lazy Transitions transitions) {
		this.transitions = transitions;
	}

	@Transition(source = "NEW", target = "OPEN")
	public void triage(SupportTicket ticket) {
		this.transitions.on(ticket).assign("triage-bot");
	}

}
