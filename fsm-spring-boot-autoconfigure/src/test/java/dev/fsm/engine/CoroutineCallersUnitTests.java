package dev.fsm.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlinx.coroutines.BuildersKt;
import kotlinx.coroutines.Dispatchers;
import kotlinx.coroutines.ExecutorsKt;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.fsm.kotlin.CallerContextElement;
import dev.fsm.spi.ActorProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a transition fired from a Kotlin coroutine is refused because the caller's
 * transaction or user did not follow it, with real coroutines driven from Java:
 * {@code runBlocking} on the calling thread, a dispatcher's thread, and
 * {@link CallerContextElement}.
 */
class CoroutineCallersUnitTests {

	private static final String NO_USER = "was fired on thread 'worker' by a Kotlin coroutine that carries no user: a"
			+ " dispatcher switch (withContext, launch or runBlocking with a dispatcher) leaves Spring Security's"
			+ " context and any transaction on the caller's thread, so the transition would run as 'anonymous', in a"
			+ " transaction of its own; add CallerContextElement() to the coroutine's context to carry the caller's"
			+ " user (withContext(Dispatchers.IO + CallerContextElement()) { .. }), or name one with"
			+ " transitions.runAs(..) inside the coroutine";

	private static final String SUSPEND_FUNCTION = ", a @Transactional suspend function: Spring holds its"
			+ " transaction on one thread and ends it at the function's first suspension point, so the transition"
			+ " would not commit or roll back with the function; declare it a regular fun and call it from coroutines"
			+ " in withContext(Dispatchers.IO + CallerContextElement()) { .. }, or run the transactional part in"
			+ " transactionTemplate.execute { .. }";

	private final ThreadLocalActorProvider actors = new ThreadLocalActorProvider();

	private final CoroutineCallers callers = new CoroutineCallers(this.actors, true);

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> new Thread(task, "worker"));

	private final CoroutineContext dispatcher = ExecutorsKt.from(this.worker);

	@AfterEach
	void stop() {
		this.worker.shutdownNow();
		TransactionSynchronizationManager.clear();
	}

	@Test
	void aCallOutsideACoroutineIsLeftAlone() {
		assertThat(this.callers.refusal()).isNull();
	}

	@Test
	void aCoroutineOnTheCallersThreadHasTheCallersUserAndTransaction() {
		assertThat(runBlocking(EmptyCoroutineContext.INSTANCE, (continuation) -> this.callers.refusal())).isNull();
	}

	@Test
	void aCoroutineOnADispatchersThreadWithoutAUserIsRefused() {
		assertThat(runBlocking(this.dispatcher, (continuation) -> this.callers.refusal())).isEqualTo(NO_USER);
	}

	@Test
	void runBlockingOnAThreadOfDispatchersIoIsNoCallersThread() {
		String refusal = runBlocking(Dispatchers.getIO(),
				(outer) -> runBlocking(EmptyCoroutineContext.INSTANCE, (inner) -> this.callers.refusal()));
		assertThat(refusal).matches("was fired on thread 'DefaultDispatcher-worker-\\d+' by a Kotlin coroutine that"
				+ " carries no user: .*");
	}

	@Test
	void aUserOnTheDispatchersThreadIsTheOneThatFires() {
		assertThat(runBlocking(this.dispatcher,
				(continuation) -> this.actors.runAs(() -> "alice", () -> this.callers.refusal())))
			.isNull();
	}

	@Test
	void callerContextElementCarriesTheCallersUser() {
		String[] seen = new String[2];
		this.actors.runAs(() -> "alice",
				() -> runBlocking(this.dispatcher.plus(new CallerContextElement()), (continuation) -> {
					seen[0] = this.actors.currentActor();
					seen[1] = String.valueOf(this.callers.refusal());
					return null;
				}));
		assertThat(seen).containsExactly("alice", "null");
		assertThat(this.actors.currentActor()).isEqualTo(ActorProvider.ANONYMOUS);
	}

	@Test
	void callerContextElementWithoutAUserSaysThatNobodyFires() {
		assertThat(
				runBlocking(this.dispatcher.plus(new CallerContextElement()), (continuation) -> this.callers.refusal()))
			.isNull();
	}

	@Test
	void aCarriedCallerWhoseTransactionStayedOnItsThreadIsRefused() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		CallerContextElement caller = new CallerContextElement();
		String thread = Thread.currentThread().getName();

		String refusal = runBlocking(this.dispatcher.plus(caller), (continuation) -> this.callers.refusal());

		assertThat(refusal).isEqualTo("was fired on thread 'worker' by a coroutine that left its caller's transaction"
				+ " open on thread '" + thread
				+ "': a transaction belongs to one thread, so the transition would commit"
				+ " apart from it; run it on the caller's thread (runBlocking without a dispatcher), or begin the"
				+ " transaction inside the coroutine, not around it");
		assertThat(runBlocking(caller, (continuation) -> this.callers.refusal())).isNull();
	}

	@Test
	void aTransactionThatASuspendFunctionBeganIsRefused() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		TransactionSynchronizationManager.setCurrentTransactionName(Desk.class.getName() + ".submit");
		assertThat(this.callers.refusal()).isEqualTo("was fired from Desk.submit()" + SUSPEND_FUNCTION);
		assertThat(this.callers.refusal("the forced state")).contains("so the forced state would not commit");
	}

	@Test
	void aTransactionThatARegularMethodBeganIsJoined() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		TransactionSynchronizationManager.setCurrentTransactionName(Desk.class.getName() + ".review");
		assertThat(this.callers.refusal()).isNull();
		TransactionSynchronizationManager.setCurrentTransactionName("a name of its own");
		assertThat(this.callers.refusal()).isNull();
	}

	@Test
	void aTransactionalSuspendFunctionWhoseTransactionEndedIsRefused() {
		Desk desk = new Desk(this.callers);
		String refusal = this.actors.runAs(() -> "alice",
				() -> runBlocking(EmptyCoroutineContext.INSTANCE, desk::submit));
		assertThat(refusal).isEqualTo("was fired from Desk.submit()" + SUSPEND_FUNCTION);
	}

	@Test
	void aSuspendFunctionThatRunsWithoutATransactionLosesNone() {
		Desk desk = new Desk(this.callers);
		assertThat(this.actors.runAs(() -> "alice", () -> runBlocking(EmptyCoroutineContext.INSTANCE, desk::read)))
			.isNull();
	}

	@Test
	void withoutATransactionManagerThereIsNoTransactionToLose() {
		Desk desk = new Desk(new CoroutineCallers(this.actors, false));
		assertThat(this.actors.runAs(() -> "alice", () -> runBlocking(EmptyCoroutineContext.INSTANCE, desk::submit)))
			.isNull();
	}

	/**
	 * Runs {@code work} as a coroutine, with the coroutine's continuation, and returns
	 * what it returns.
	 */
	private static @Nullable String runBlocking(CoroutineContext context,
			Function<Continuation<?>, @Nullable String> work) {
		try {
			return BuildersKt.<@Nullable String>runBlocking(context, (scope, continuation) -> work.apply(continuation));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What Kotlin compiles suspend functions to, the continuation their last parameter;
	 * each fires (asks the check) on the coroutine's stack.
	 */
	static class Desk {

		private final CoroutineCallers callers;

		Desk(CoroutineCallers callers) {
			this.callers = callers;
		}

		@Transactional
		public @Nullable String submit(Continuation<?> continuation) {
			return this.callers.refusal();
		}

		@Transactional(propagation = Propagation.NOT_SUPPORTED)
		public @Nullable String read(Continuation<?> continuation) {
			return this.callers.refusal();
		}

		@Transactional
		public String review() {
			return "a regular method";
		}

	}

}
