package dev.fsm.audit.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.event.EventListener;

import dev.fsm.PreTransitionEvent;

/**
 * Holds the next transition of {@link Memo} at its pre-transition event, after it passed
 * its checks (and, for an entity without {@code @Version}, locked its row), until the
 * test opens the gate.
 */
class PreTransitionGate {

	private volatile CountDownLatch arrived;

	private volatile CountDownLatch open;

	/** The next transition that reaches its pre-transition event waits there. */
	void holdNext() {
		this.arrived = new CountDownLatch(1);
		this.open = new CountDownLatch(1);
	}

	/** Waits until the held transition arrived. */
	void awaitArrival() throws InterruptedException {
		if (!this.arrived.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("No transition arrived at the gate");
		}
	}

	void open() {
		CountDownLatch open = this.open;
		if (open != null) {
			open.countDown();
		}
	}

	@EventListener
	void onPreTransition(PreTransitionEvent<Memo> event) throws Exception {
		CountDownLatch arrived = this.arrived;
		CountDownLatch open = this.open;
		if (arrived != null && open != null && arrived.getCount() > 0) {
			arrived.countDown();
			open.await(10, TimeUnit.SECONDS);
		}
	}

}
