package dev.fsm.contention;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.EntityRef;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionLockTimeoutException;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.TransitionResult;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Pessimistic locking and retries, with a second transaction really holding the row: a
 * pessimistic transition waits for the lock and then judges what the other one committed
 * (source state, permission), gives up with a typed error after its lock timeout (at once
 * with {@code NOWAIT}), and refuses a stale instance; a transition declared safe to
 * repeat is fired again on a fresh copy, and only then. Runs on H2, PostgreSQL and
 * MariaDB.
 */
@SpringBootTest(classes = ContentionApplication.class)
class LockingModeTests {

	private static final long ID = 900_201;

	@Autowired
	Transitions transitions;

	@Autowired
	Seats seats;

	@Autowired
	PlatformTransactionManager transactionManager;

	private final ExecutorService other = Executors.newSingleThreadExecutor();

	@BeforeEach
	void seat() {
		this.seats.clear();
		this.seats.put(ID, "FREE", 0, null);
	}

	@AfterEach
	void clear() throws InterruptedException {
		this.seats.clear();
		this.other.shutdownNow();
		this.other.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void aPessimisticTransitionWaitsForTheLockThenJudgesWhatTheOtherCommitted() throws Exception {
		Holder first = hold("alice", "hold", "alice");
		long started = System.nanoTime();
		first.releaseAfter(Duration.ofMillis(300));
		Throwable second = catchThrowable(() -> fire("bob", "hold", "bob"));
		long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		first.done();

		assertThat(second).isInstanceOf(TransitionNotAllowedException.class)
			.hasMessage("Transition 'hold' is not allowed from state 'HELD' on Seat#" + ID + " (allowed from: FREE)");
		assertThat(waited).as("waited for the first transaction (ms)").isGreaterThanOrEqualTo(250);
		assertThat(this.seats.state(ID)).isEqualTo("HELD");
		assertThat(this.seats.holder(ID)).isEqualTo("alice");
		assertThat(this.seats.version(ID)).isEqualTo(1);
		assertThat(this.seats.records(ID)).containsExactly("hold");
	}

	@Test
	void thePermissionIsCheckedUnderTheLockOnWhatCommitted() throws Exception {
		this.seats.put(ID, "HELD", 4, "alice");
		Holder handOver = hold("alice", "handOver", "carol");
		handOver.releaseAfter(Duration.ofMillis(300));
		// alice was the holder when she clicked; by the time her release holds the lock,
		// carol is
		Throwable release = catchThrowable(() -> fire("alice", "release"));
		handOver.done();

		assertThat(release).isInstanceOf(TransitionDeniedException.class)
			.hasMessage("Transition 'release' on Seat#" + ID + " in state 'HELD' is denied to 'alice' (permission:"
					+ " #entity.holder == authentication.name)");
		assertThat(this.seats.holder(ID)).isEqualTo("carol");
		assertThat(this.seats.version(ID)).isEqualTo(5);
		assertThat(this.seats.records(ID)).containsExactly("handOver");
	}

	@Test
	void aLockNotGrantedWithinTheTimeoutIsATypedErrorNotAHang() throws Exception {
		Holder first = hold("alice", "hold", "alice");
		long started = System.nanoTime();
		Throwable waited = catchThrowable(() -> this.transitions.fire(EntityRef.of(Seat.class, ID), "sell"));
		long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		first.releaseAfter(Duration.ZERO);
		first.done();

		assertThat(waited).isInstanceOf(TransitionLockTimeoutException.class)
			.hasMessage("Transition 'sell' on Seat#" + ID + " could not lock the entity within 3000 ms: another"
					+ " transaction holds it; nothing changed, try again later");
		TransitionLockTimeoutException timeout = (TransitionLockTimeoutException) waited;
		assertThat(timeout.getEntityType()).isEqualTo(Seat.class);
		assertThat(timeout.getEntityId()).isEqualTo(ID);
		assertThat(timeout.getTransition()).isEqualTo("sell");
		assertThat(timeout.getTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(elapsed).as("waited about the lock timeout (ms)").isBetween(2_500L, 15_000L);
		assertThat(this.seats.records(ID)).containsExactly("hold");
		assertThat(this.seats.version(ID)).isEqualTo(1);
	}

	@Test
	void aZeroLockTimeoutFailsAtOnce() throws Exception {
		Holder first = hold("alice", "hold", "alice");
		long started = System.nanoTime();
		Throwable nowait = catchThrowable(() -> this.transitions.fire(EntityRef.of(Seat.class, ID), "inspect"));
		long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		first.releaseAfter(Duration.ZERO);
		first.done();

		assertThat(nowait).isInstanceOf(TransitionLockTimeoutException.class)
			.hasMessage("Transition 'inspect' on Seat#" + ID + " could not lock the entity at once (NOWAIT): another"
					+ " transaction holds it; nothing changed, try again later");
		assertThat(elapsed).as("did not wait (ms)").isLessThan(2_000);
		assertThat(this.seats.records(ID)).containsExactly("hold");
	}

	@Test
	void aStaleInstanceIsRefusedUnderTheLockBeforeAnythingRuns() throws Exception {
		Seat stale = this.transitions.runAs("bob", () -> new TransactionTemplate(this.transactionManager)
			.execute((status) -> this.transitions.fire(EntityRef.of(Seat.class, ID), "inspect").entity()));
		fire("alice", "hold", "alice");

		Throwable refused = catchThrowable(
				() -> this.transitions.runAs("bob", () -> this.transitions.fire(stale, "hold", "bob")));

		assertThat(refused).isInstanceOf(ConcurrentTransitionException.class)
			.hasMessage("Transition 'hold' on Seat#" + ID + " from state 'FREE' lost to a concurrent change: the"
					+ " entity was modified by another transaction since it was loaded; reload it and try again");
		assertThat(stale.getState()).isEqualTo(Seat.State.FREE);
		assertThat(stale.getHolder()).isNull();
		assertThat(this.seats.holder(ID)).isEqualTo("alice");
		assertThat(this.seats.records(ID)).containsExactly("inspect", "hold");
	}

	@Test
	void aLockTimeoutOfATransitionDeclaredSafeToRepeatIsRetriedUntilTheLockIsFree() throws Exception {
		Holder first = hold("alice", "hold", "alice");
		long started = System.nanoTime();
		first.releaseAfter(Duration.ofMillis(600));
		TransitionResult<Seat> touched = this.transitions.fire(EntityRef.of(Seat.class, ID), "touch");
		long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		first.done();

		assertThat(touched.state()).isEqualTo("HELD");
		assertThat(elapsed).as("retried until the lock was free (ms)").isGreaterThanOrEqualTo(550);
		assertThat(this.seats.records(ID)).containsExactly("hold", "touch");
	}

	@Test
	void aTransitionDeclaredSafeToRepeatIsFiredAgainOnAFreshCopy() {
		this.seats.conflicts(2);
		TransitionResult<Seat> result = this.transitions.fire(EntityRef.of(Seat.class, ID), "recount");

		assertThat(result.version()).isEqualTo(3L);
		assertThat(this.seats.version(ID)).as("two concurrent increments and the transition's").isEqualTo(3);
		assertThat(this.seats.records(ID)).containsExactly("recount");
	}

	@Test
	void theFinalFailureNamesTheAttempts() {
		this.seats.conflicts(3);
		Throwable failure = catchThrowable(() -> this.transitions.fire(EntityRef.of(Seat.class, ID), "recount"));

		assertThat(failure).isInstanceOf(ConcurrentTransitionException.class)
			.hasMessageEndingWith("reload it and try again (gave up after 3 attempts: transition 'recount' declares"
					+ " retries = 2)");
		assertThat(failure.getCause()).isInstanceOf(ConcurrentTransitionException.class);
		assertThat(failure.getSuppressed()).hasSize(2).allMatch(ConcurrentTransitionException.class::isInstance);
		assertThat(this.seats.version(ID)).as("three concurrent increments").isEqualTo(3);
		assertThat(this.seats.records(ID)).isEmpty();
	}

	@Test
	void aTransitionIsNotRetriedUnlessDeclared() {
		this.seats.conflicts(1);
		Throwable failure = catchThrowable(() -> this.transitions.fire(EntityRef.of(Seat.class, ID), "recountOnce"));

		assertThat(failure).isInstanceOf(ConcurrentTransitionException.class)
			.hasMessageEndingWith("reload it and try again");
		assertThat(failure.getSuppressed()).isEmpty();
		assertThat(this.seats.records(ID)).isEmpty();
	}

	@Test
	void aTransitionInTheCallersTransactionIsNotRetried() {
		this.seats.conflicts(1);
		Throwable failure = catchThrowable(() -> new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.transitions.fire(EntityRef.of(Seat.class, ID), "recount")));

		assertThat(failure).isInstanceOf(ConcurrentTransitionException.class)
			.hasMessageEndingWith("reload it and try again");
		assertThat(this.seats.version(ID)).isEqualTo(1);
		assertThat(this.seats.records(ID)).isEmpty();
	}

	@Test
	void aTransitionExpectingAVersionIsNotRetried() {
		this.seats.conflicts(1);
		Throwable failure = catchThrowable(
				() -> this.transitions.fire(EntityRef.of(Seat.class, ID).ifVersion(0L), "recount"));

		assertThat(failure).isInstanceOf(ConcurrentTransitionException.class)
			.hasMessageEndingWith("reload it and try again");
		assertThat(this.seats.records(ID)).isEmpty();
	}

	private TransitionResult<Seat> fire(String user, String transition, Object... arguments) {
		return this.transitions.runAs(user,
				() -> this.transitions.fire(EntityRef.of(Seat.class, ID), transition, arguments));
	}

	/**
	 * Fires {@code transition} as {@code user} in another thread, in a transaction that
	 * keeps the row locked until released; returns once the transition ran.
	 */
	private Holder hold(String user, String transition, Object... arguments) throws Exception {
		CountDownLatch fired = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Duration[] pause = new Duration[1];
		Future<?> done = this.other
			.submit(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
				try {
					fire(user, transition, arguments);
				}
				finally {
					fired.countDown();
				}
				await(release);
				sleep(pause[0]);
			}));
		assertThat(fired.await(30, TimeUnit.SECONDS)).as("the first transition ran").isTrue();
		return new Holder(release, pause, done);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A transaction in another thread holding a row lock. */
	private record Holder(CountDownLatch latch, Duration[] pause, Future<?> finished) {

		/** Commits {@code pause} from now. */
		void releaseAfter(Duration pause) {
			this.pause[0] = pause;
			this.latch.countDown();
		}

		void done() throws Exception {
			this.finished.get(60, TimeUnit.SECONDS);
		}

	}

}
