package dev.fsm.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionRecord.Outcome;

/**
 * The transitions running in the current transaction, innermost first, as the audit trail
 * sees them; and the records of transitions chained from the body of another one on the
 * same row, kept until that one ends. A chain's steps are known only then: every
 * transition increments the row's version once, the innermost first, while the records
 * must read in the order the transitions were fired, and the last one must take the
 * version the chain left.
 * <p>
 * A transition that fails after it started either writes its {@code onError} state (and
 * ends here with a {@code FAILED} record) or leaves its transaction rolled back or
 * rollback-only, so an entry it leaves behind never reaches a commit.
 */
final class RunningTransitions extends ResourceHolderSupport {

	private final Deque<Running> running = new ArrayDeque<>();

	private long fired;

	/** The running transitions of the current transaction, bound to it on first use. */
	static RunningTransitions current(Object key) {
		RunningTransitions transitions = (RunningTransitions) TransactionSynchronizationManager.getResource(key);
		if (transitions == null) {
			transitions = new RunningTransitions();
			transitions.setSynchronizedWithTransaction(true);
			TransactionSynchronizationManager.bindResource(key, transitions);
			TransactionSynchronizationManager
				.registerSynchronization(new ResourceHolderSynchronization<>(transitions, key) {
				});
		}
		return transitions;
	}

	/**
	 * A transition passed its checks and is about to change its entity, at {@code now}.
	 */
	void started(TransitionAttempt attempt, Instant now) {
		this.running.push(
				new Running(attempt.entity(), attempt.workflow().entityName(), attempt.entityId(), now, this.fired++));
	}

	/**
	 * A transition ended with a record of {@code outcome} (a forced state has no start).
	 * Returns the records to write now, in the order their transitions were fired: none
	 * while another transition runs on the same row (they wait for it), else this one's
	 * and those of the transitions chained from its body, unless its body failed and they
	 * were undone with it.
	 */
	List<PendingRecord> ended(TransitionAttempt attempt, Outcome outcome, Instant now) {
		Running own = (outcome != Outcome.FORCED) ? this.running.poll() : null;
		PendingRecord record = (own != null) ? new PendingRecord(attempt, outcome, own.startedAt(), own.order())
				: new PendingRecord(attempt, outcome, now, this.fired++);
		List<PendingRecord> records;
		if (own == null || own.chained().isEmpty() || outcome == Outcome.FAILED) {
			records = List.of(record);
		}
		else {
			records = new ArrayList<>(own.chained());
			records.add(record);
			records.sort(Comparator.comparingLong(PendingRecord::order));
		}
		Running outer = runningOnSameRow((own != null) ? own.entity() : attempt.entity(), attempt);
		if (outer != null) {
			outer.chained().addAll(records);
			return List.of();
		}
		return records;
	}

	private @Nullable Running runningOnSameRow(Object started, TransitionAttempt attempt) {
		Object id = attempt.entityId();
		for (Running outer : this.running) {
			if (outer.entity() == started || outer.entity() == attempt.entity() || (id != null && id.equals(outer.id())
					&& outer.entityName().equals(attempt.workflow().entityName()))) {
				return outer;
			}
		}
		return null;
	}

	/** A transition that started in this transaction and has not ended. */
	private record Running(Object entity, String entityName, @Nullable Object id, Instant startedAt, long order,
			List<PendingRecord> chained) {

		Running(Object entity, String entityName, @Nullable Object id, Instant startedAt, long order) {
			this(entity, entityName, id, startedAt, order, new ArrayList<>());
		}

	}

	/**
	 * A record to write once its step is known.
	 *
	 * @param occurredAt when its transition passed its checks
	 * @param order its place in the order the transaction's transitions were fired
	 */
	record PendingRecord(TransitionAttempt attempt, Outcome outcome, Instant occurredAt, long order) {
	}

}
