package dev.fsm.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two transitions that start from the same state of the same entity never both commit:
 * every committed transition increments {@code @Version} (self-loops and bodies that
 * change nothing too), and an entity without {@code @Version} has its row locked and its
 * stored state re-read.
 */
class LostUpdateTests extends WorkflowTestSupport {

	@Autowired
	DoorRepository doors;

	@Autowired
	TicketRepository tickets;

	@Autowired
	LetterRepository letters;

	@Autowired
	EmailRepository emails;

	@Autowired
	EmailFlow emailFlow;

	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() throws InterruptedException {
		this.threads.shutdownNow();
		this.threads.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void aSelfLoopWhoseBodyChangesNothingIncrementsTheVersionSoASecondOneFromTheSameCopyLoses() {
		Door door = this.doors.save(new Door("front"));
		this.transitions.on(door).open();
		Door first = this.doors.findById(door.getId()).orElseThrow();
		Door second = this.doors.findById(door.getId()).orElseThrow();
		this.transitions.on(first).knock();
		assertThat(first.getVersion()).isEqualTo(2);
		assertThatExceptionOfType(ConcurrentTransitionException.class)
			.isThrownBy(() -> this.transitions.on(second).knock())
			.withMessage("Transition 'knock' on Door#" + door.getId() + " from state 'OPEN' lost to a concurrent"
					+ " change: the entity was modified by another transaction since it was loaded; reload it and try"
					+ " again");
		assertThat(second.getVersion()).isEqualTo(1);
		assertThat(this.doors.findById(door.getId()).orElseThrow().getVersion()).isEqualTo(2);
		assertThat(this.transitions.history(door)).extracting(TransitionRecord::transition)
			.containsExactly("knock", "open");
	}

	@Test
	void twoCheckOnlyTransitionsFromOneLoadedVersionNeverBothCommit() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		Ticket first = this.tickets.findById(ticket.getId()).orElseThrow();
		Ticket second = this.tickets.findById(ticket.getId()).orElseThrow();
		this.transitions.on(first).inspect();
		assertThatExceptionOfType(ConcurrentTransitionException.class)
			.isThrownBy(() -> this.transitions.on(second).inspect());
		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getVersion()).isEqualTo(1);
	}

	@Test
	void chainedTransitionsIncrementTheVersionOncePerTransition() {
		Email email = this.emails.save(new Email("alice@example.com"));
		this.emailFlow.send(email);
		Email saved = this.emails.findById(email.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo("SENT");
		assertThat(saved.getVersion()).isEqualTo(2);
		assertThat(email.getVersion()).isEqualTo(2);
	}

	@Test
	void transitionsInsideYourTransactionIncrementTheVersionOnceEach() {
		Door door = this.doors.save(new Door("front"));
		this.transaction.executeWithoutResult((status) -> {
			Door loaded = this.doors.findById(door.getId()).orElseThrow();
			this.transitions.on(loaded).open();
			this.transitions.on(loaded).knock();
			this.transitions.on(loaded).close();
		});
		assertThat(this.doors.findById(door.getId()).orElseThrow().getVersion()).isEqualTo(3);
	}

	@Test
	void anUnversionedEntityLoadedBeforeAnotherTransitionCommittedCannotCommitASecondOneFromTheSameState() {
		this.letters.save(new Letter("L-1", "ann@example.com"));
		Letter stale = this.letters.findById("L-1").orElseThrow();
		this.transitions.fire(this.letters.findById("L-1").orElseThrow(), "send", false);
		assertThatExceptionOfType(ConcurrentTransitionException.class)
			.isThrownBy(() -> this.transitions.fire(stale, "archive"))
			.withMessage("Transition 'archive' on Letter#L-1 from state 'DRAFT' lost to a concurrent change: another"
					+ " transaction changed the state stored in the database since the entity was loaded; reload it"
					+ " and try again");
		assertThat(stale.getState()).isEqualTo("DRAFT");
		assertThat(this.letters.findById("L-1").orElseThrow().getState()).isEqualTo("SENT");
		assertThat(this.transitions.history(stale)).extracting(TransitionRecord::sourceState).containsExactly("DRAFT");
	}

	@Test
	void ofTwoThreadsFiringFromOneStateOfAnUnversionedEntityTheSecondWaitsForTheLockAndLoses() throws Exception {
		this.letters.save(new Letter("L-2", "ann@example.com"));
		Letter first = this.letters.findById("L-2").orElseThrow();
		Letter second = this.letters.findById("L-2").orElseThrow();
		CountDownLatch firstChecked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.events.onPre((event) -> {
			if (event.getEntity() == first) {
				firstChecked.countDown();
				await(release);
			}
		});
		Future<Object> send = this.threads.submit(() -> this.transitions.fire(first, "send", false));
		await(firstChecked);
		Future<Object> archive = this.threads.submit(() -> this.transitions.fire(second, "archive"));
		Thread.sleep(200);
		release.countDown();
		send.get(30, TimeUnit.SECONDS);
		assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
			.isThrownBy(() -> archive.get(30, TimeUnit.SECONDS))
			.withCauseInstanceOf(ConcurrentTransitionException.class);
		assertThat(this.letters.findById("L-2").orElseThrow().getState()).isEqualTo("SENT");
		assertThat(this.transitions.history(first)).extracting(TransitionRecord::transition).containsExactly("send");
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("timed out");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
