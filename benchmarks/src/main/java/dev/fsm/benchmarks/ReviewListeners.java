package dev.fsm.benchmarks;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;

/** One listener for each of the two events of a {@link Review}'s transition (and none for the other entities). */
@Component
public class ReviewListeners {

	long before;

	long after;

	@EventListener
	void before(PreTransitionEvent<Review> event) {
		this.before++;
	}

	@EventListener
	void after(PostTransitionEvent<Review> event) {
		this.after++;
	}

}
