package dev.fsm.examples.migration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.fsm.PostTransitionEvent;
import dev.fsm.TransitionFailedEvent;

/**
 * What Spring Statemachine's listeners, {@code @OnTransition} methods and entry and exit actions
 * did: listeners of the events every transition publishes.
 */
@Component
public class FulfilmentEvents {

	private final List<String> log = new CopyOnWriteArrayList<>();

	/** Every state change, in the transaction of the transition: a StateMachineListener. */
	@EventListener
	void stateChanged(PostTransitionEvent<Fulfilment> event) {
		this.log.add(event.getSourceState() + " -> " + event.getTargetState());
	}

	/** An entry action of SHIPPED, after the commit: nothing is sent for a rolled-back transition. */
	@TransactionalEventListener(condition = "#event.targetState == 'SHIPPED'")
	void enteredShipped(PostTransitionEvent<Fulfilment> event) {
		this.log.add("entered SHIPPED: tell the customer about order " + event.getEntity().getId());
	}

	/** An exit action of PAID. */
	@EventListener(condition = "#event.sourceState == 'PAID' and #event.targetState != 'PAID'")
	void leftPaid(PostTransitionEvent<Fulfilment> event) {
		this.log.add("left PAID by " + event.getTransition());
	}

	/** What an error action saw: the transition that failed, and the state it left the entity in. */
	@EventListener
	void failed(TransitionFailedEvent<Fulfilment> event) {
		this.log.add(event.getTransition() + " failed: " + event.getException().getMessage() + ", now "
				+ event.getResultingState());
	}

	public List<String> log() {
		return this.log;
	}

}
