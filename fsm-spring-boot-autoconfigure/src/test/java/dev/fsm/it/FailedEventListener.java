package dev.fsm.it;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.fsm.TransitionFailedEvent;

/** A {@code TransitionFailedEvent} listener of {@link Email} that throws when told to. */
@Component
public class FailedEventListener {

	private volatile RuntimeException failure;

	public void failWith(RuntimeException failure) {
		this.failure = failure;
	}

	@EventListener
	void onFailed(TransitionFailedEvent<Email> event) {
		RuntimeException failure = this.failure;
		if (failure != null) {
			throw failure;
		}
	}

}
