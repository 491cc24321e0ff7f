package dev.fsm.engine;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a Kotlin coroutine carries of the code that started it onto the threads it runs
 * on: the thread it left, whether a transaction was open there, and the user of
 * {@code runAs} in an application without Spring Security.
 * {@code dev.fsm.kotlin.CallerContextElement} installs it while the coroutine runs; the
 * engine reads it before a transition to refuse one that would commit apart from the
 * caller's transaction.
 * <p>
 * Public because that element, in the package of Kotlin support, captures and installs
 * it.
 */
public final class CarriedCaller {

	private static final ThreadLocal<@Nullable CarriedCaller> CURRENT = new ThreadLocal<>();

	private final Thread thread;

	private final boolean inTransaction;

	private final @Nullable Principal runAsUser;

	private CarriedCaller(Thread thread, boolean inTransaction, @Nullable Principal runAsUser) {
		this.thread = thread;
		this.inTransaction = inTransaction;
		this.runAsUser = runAsUser;
	}

	/** The caller on this thread, now. */
	public static CarriedCaller capture() {
		return new CarriedCaller(Thread.currentThread(), TransactionSynchronizationManager.isActualTransactionActive(),
				ThreadLocalActorProvider.current());
	}

	/**
	 * The caller carried onto this thread, {@code null} outside a coroutine that carries
	 * one.
	 */
	static @Nullable CarriedCaller current() {
		return CURRENT.get();
	}

	/**
	 * Makes this the caller of the current thread, and its {@code runAs} user the
	 * thread's.
	 * @return what to pass to {@link #restore(Object)} when the coroutine leaves the
	 * thread
	 */
	public Object install() {
		CarriedCaller previous = CURRENT.get();
		CURRENT.set(this);
		return new Previous(previous, ThreadLocalActorProvider.set(this.runAsUser));
	}

	/**
	 * Gives the current thread back the caller and user it had before {@link #install()}.
	 */
	public static void restore(Object previous) {
		Previous state = (Previous) previous;
		if (state.caller() != null) {
			CURRENT.set(state.caller());
		}
		else {
			CURRENT.remove();
		}
		ThreadLocalActorProvider.set(state.runAsUser());
	}

	/**
	 * Whether the caller is on another thread than this one, with a transaction open
	 * there.
	 */
	boolean leftTransactionBehind() {
		return this.inTransaction && this.thread != Thread.currentThread();
	}

	/** The name of the caller's thread. */
	String threadName() {
		return CoroutineFrames.threadName(this.thread);
	}

	private record Previous(@Nullable CarriedCaller caller, @Nullable Principal runAsUser) {
	}

}
