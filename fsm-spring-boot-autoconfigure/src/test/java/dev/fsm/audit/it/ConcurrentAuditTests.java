package dev.fsm.audit.it;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two transactions pass their checks on the same {@link Memo}, which has no {@code @Version};
 * only the step number of the audit trail can tell that they conflict.
 */
@AuditIntegrationTest
class ConcurrentAuditTests {

	@Autowired
	Transitions transitions;

	@Autowired
	MemoRepository memos;

	@Autowired
	PreTransitionBarrier barrier;

	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() throws InterruptedException {
		this.barrier.release();
		this.threads.shutdownNow();
		this.threads.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void ofTwoTransitionsThatPassedTheirChecksAgainstTheSameStepOnlyOneCommits() throws Exception {
		Long id = this.memos.save(new Memo()).getId();
		this.barrier.await(2);

		Future<String> send = this.threads.submit(() -> fire(id, "send"));
		Future<String> archive = this.threads.submit(() -> fire(id, "archive"));
		List<String> outcomes = List.of(send.get(30, TimeUnit.SECONDS), archive.get(30, TimeUnit.SECONDS));

		String winner = outcomes.contains("send committed") ? "send" : "archive";
		String loser = winner.equals("send") ? "archive" : "send";
		assertThat(outcomes).containsExactlyInAnyOrder(winner + " committed", loser + " lost: Transition '" + loser
				+ "' on Memo#" + id + " from state 'DRAFT' lost to a concurrent transition: another transaction"
				+ " recorded step 1 of workflow 'Memo.state' first; reload the entity and try again");
		Memo memo = this.memos.findById(id).orElseThrow();
		assertThat(memo.getState()).isEqualTo(winner.equals("send") ? Memo.State.SENT : Memo.State.ARCHIVED);
		assertThat(this.transitions.history(memo))
			.extracting(TransitionRecord::sequence, TransitionRecord::transition, TransitionRecord::targetState)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, winner, memo.getState().name()));
	}

	@Test
	void afterTheRaceTheNextTransitionTakesTheNextStep() throws Exception {
		Long id = this.memos.save(new Memo()).getId();
		this.barrier.await(2);
		Future<String> first = this.threads.submit(() -> fire(id, "send"));
		Future<String> second = this.threads.submit(() -> fire(id, "send"));
		assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
			.filteredOn((outcome) -> outcome.equals("send committed"))
			.hasSize(1);
		this.barrier.release();

		Memo memo = this.memos.findById(id).orElseThrow();
		this.transitions.runAs("cleaner", () -> this.transitions.fire(memo, "touch"));

		assertThat(this.transitions.history(memo)).extracting(TransitionRecord::sequence, TransitionRecord::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "cleaner"),
					org.assertj.core.groups.Tuple.tuple(1L, "anonymous"));
	}

	private String fire(Long id, String transition) {
		Memo memo = this.memos.findById(id).orElseThrow();
		try {
			this.transitions.fire(memo, transition);
			return transition + " committed";
		}
		catch (ConcurrentTransitionException ex) {
			return transition + " lost: " + ex.getMessage();
		}
	}

}
