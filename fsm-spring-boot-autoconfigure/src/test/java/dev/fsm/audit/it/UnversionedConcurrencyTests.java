package dev.fsm.audit.it;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionLockTimeoutException;
import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A {@link Memo} has no {@code @Version}: each transition locks its row and re-reads the
 * stored state, so of two transitions fired from the same loaded state only the first
 * commits, on H2 and on the real PostgreSQL and MariaDB servers.
 */
@AuditIntegrationTest
class UnversionedConcurrencyTests {

	@Autowired
	Transitions transitions;

	@Autowired
	MemoRepository memos;

	@Autowired
	PreTransitionGate gate;

	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() throws InterruptedException {
		this.gate.open();
		this.threads.shutdownNow();
		this.threads.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void theSecondOfTwoTransitionsFromOneLoadedStateWaitsForTheRowLockAndLoses() throws Exception {
		Long id = this.memos.save(new Memo()).getId();
		Memo first = this.memos.findById(id).orElseThrow();
		Memo second = this.memos.findById(id).orElseThrow();
		this.gate.holdNext();

		Future<String> send = this.threads.submit(() -> fire(first, "send"));
		this.gate.awaitArrival();
		Future<String> archive = this.threads.submit(() -> fire(second, "archive"));
		Thread.sleep(200);
		this.gate.open();

		assertThat(send.get(30, TimeUnit.SECONDS)).isEqualTo("send committed");
		assertThat(archive.get(30, TimeUnit.SECONDS)).isEqualTo("archive lost: Transition 'archive' on Memo#" + id
				+ " from state 'DRAFT' lost to a concurrent change: another transaction changed the state stored in"
				+ " the database since the entity was loaded; reload it and try again");
		Memo memo = this.memos.findById(id).orElseThrow();
		assertThat(memo.getState()).isEqualTo(Memo.State.SENT);
		assertThat(second.getState()).isEqualTo(Memo.State.DRAFT);
		assertThat(this.transitions.history(memo))
			.extracting(TransitionRecord::sequence, TransitionRecord::transition, TransitionRecord::sourceState)
			.containsExactly(tuple(1L, "send", "DRAFT"));
	}

	@Test
	void aTransitionFromAStaleCopyLosesEvenWhenTheOtherCommittedLongBefore() {
		Long id = this.memos.save(new Memo()).getId();
		Memo stale = this.memos.findById(id).orElseThrow();
		this.transitions.fire(this.memos.findById(id).orElseThrow(), "send");

		assertThat(fire(stale, "archive")).startsWith("archive lost: ");
		Memo memo = this.memos.findById(id).orElseThrow();
		assertThat(memo.getState()).isEqualTo(Memo.State.SENT);
		assertThat(this.transitions.history(memo)).extracting(TransitionRecord::transition).containsExactly("send");

		this.transitions.runAs("cleaner", () -> this.transitions.fire(memo, "touch"));
		assertThat(this.transitions.history(memo)).extracting(TransitionRecord::sequence, TransitionRecord::actor)
			.containsExactly(tuple(2L, "cleaner"), tuple(1L, "anonymous"));
	}

	@Test
	void aForcedStateWaitsForTheRowLockAtMostTheLockTimeout() throws Exception {
		Long id = this.memos.save(new Memo()).getId();
		Memo memo = this.memos.findById(id).orElseThrow();
		this.gate.holdNext();
		Future<String> send = this.threads.submit(() -> fire(this.memos.findById(id).orElseThrow(), "send"));
		this.gate.awaitArrival();

		long started = System.nanoTime();
		assertThatExceptionOfType(TransitionLockTimeoutException.class)
			.isThrownBy(() -> this.transitions.forceState(memo, "ARCHIVED", "repair"))
			.withMessage("Transition '(forced)' on Memo#" + id + " in state 'DRAFT' could not lock the entity within"
					+ " 500 ms: another transaction holds it; nothing changed, try again later")
			.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(500)));
		long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		this.gate.open();

		assertThat(waited).as("waited about the lock timeout (ms)").isBetween(400L, 15_000L);
		assertThat(send.get(30, TimeUnit.SECONDS)).isEqualTo("send committed");
		assertThat(memo.getState()).isEqualTo(Memo.State.DRAFT);
		assertThat(this.memos.findById(id).orElseThrow().getState()).isEqualTo(Memo.State.SENT);
		assertThat(this.transitions.history(memo)).extracting(TransitionRecord::transition).containsExactly("send");
	}

	private String fire(Memo memo, String transition) {
		try {
			this.transitions.fire(memo, transition);
			return transition + " committed";
		}
		catch (ConcurrentTransitionException ex) {
			return transition + " lost: " + ex.getMessage();
		}
	}

}
