package dev.fsm.it;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionFailedEvent;
import dev.fsm.spi.TransitionRecorder;

/**
 * Makes the next {@link Voucher} transition fail in the listener or recorder phase the
 * test names.
 */
@Component
public class VoucherFaults implements TransitionRecorder {

	/**
	 * Where to fail: {@code pre}, {@code starting} (a recorder), {@code post},
	 * {@code commit}, {@code failed}, or {@code null}.
	 */
	private volatile String phase;

	public void failAt(String phase) {
		this.phase = phase;
	}

	public void reset() {
		this.phase = null;
	}

	@EventListener
	void pre(PreTransitionEvent<Voucher> event) {
		if ("pre".equals(this.phase)) {
			throw new IllegalStateException("vetoed by a listener");
		}
	}

	@Override
	public void starting(TransitionAttempt attempt) {
		if ("starting".equals(this.phase) && attempt.entity() instanceof Voucher) {
			throw new IllegalStateException("recorder failed");
		}
	}

	@Override
	public void completed(TransitionAttempt attempt) {
	}

	@Override
	public void movedToErrorState(TransitionAttempt attempt) {
	}

	@EventListener
	void post(PostTransitionEvent<Voucher> event) {
		if ("post".equals(this.phase)) {
			throw new IllegalStateException("post listener failed");
		}
		if ("commit".equals(this.phase)) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					throw new IllegalStateException("commit failed");
				}

			});
		}
	}

	@EventListener
	void failed(TransitionFailedEvent<Voucher> event) {
		if ("failed".equals(this.phase)) {
			throw new IllegalStateException("failed-event listener failed");
		}
	}

}
