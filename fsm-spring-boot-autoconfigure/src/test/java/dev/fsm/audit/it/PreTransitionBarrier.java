package dev.fsm.audit.it;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.springframework.context.event.EventListener;

import dev.fsm.PreTransitionEvent;

/**
 * Holds transitions of {@link Memo} at their pre-transition event until as many as the barrier
 * counts have arrived: they have all passed their checks and none has written yet.
 */
class PreTransitionBarrier {

	private volatile CyclicBarrier barrier;

	void await(int parties) {
		this.barrier = new CyclicBarrier(parties);
	}

	void release() {
		this.barrier = null;
	}

	@EventListener
	void onPreTransition(PreTransitionEvent<Memo> event) throws Exception {
		CyclicBarrier current = this.barrier;
		if (current != null) {
			current.await(10, TimeUnit.SECONDS);
		}
	}

}
