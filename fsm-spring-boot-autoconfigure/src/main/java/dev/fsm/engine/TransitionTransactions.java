package dev.fsm.engine;

import java.lang.reflect.UndeclaredThrowableException;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one transaction template of transitions: every way a transition runs (by instance,
 * typed view, flow bean, by id, retried, timed, forced, and the {@code onError} move
 * after a failing body) begins, commits and ends its transaction through
 * {@link #run(Unit)}. A transaction is joined or started (propagation REQUIRED;
 * REQUIRES_NEW for {@link #ownTransactions() the timers}), or there is none when the
 * application has no transaction manager. What ran in it decides, when it fails, how it
 * ends ({@link Ending}); the template never ends one twice.
 * <p>
 * As a {@link TransactionOperations} it runs work that fires transitions (firing by id, a
 * timer's claim and firing) and ends it as such work must: {@link Ending#KEEP}.
 */
final class TransitionTransactions implements TransactionOperations {

	private static final TransactionDefinition REQUIRED = new DefaultTransactionDefinition(
			TransactionDefinition.PROPAGATION_REQUIRED);

	private static final TransactionDefinition REQUIRES_NEW = new DefaultTransactionDefinition(
			TransactionDefinition.PROPAGATION_REQUIRES_NEW);

	private final @Nullable PlatformTransactionManager transactionManager;

	private final TransactionDefinition definition;

	TransitionTransactions(@Nullable PlatformTransactionManager transactionManager) {
		this(transactionManager, REQUIRED);
	}

	private TransitionTransactions(@Nullable PlatformTransactionManager transactionManager,
			TransactionDefinition definition) {
		this.transactionManager = transactionManager;
		this.definition = definition;
	}

	/**
	 * The same template, starting a transaction of its own for each run, for the timers.
	 */
	TransitionTransactions ownTransactions() {
		return new TransitionTransactions(this.transactionManager, REQUIRES_NEW);
	}

	/**
	 * Begins a transaction, runs {@code unit} in it and commits; when the unit or the
	 * commit throws, the unit's {@link Unit#failed failure path} ends the transaction and
	 * says what the caller gets.
	 */
	<T> @Nullable T run(Unit<T> unit) throws Throwable {
		PlatformTransactionManager manager = this.transactionManager;
		TransactionStatus status = (manager != null) ? manager.getTransaction(this.definition) : null;
		@Nullable T result;
		try {
			result = unit.run(status);
			if (manager != null && status != null) {
				manager.commit(status);
			}
		}
		catch (Throwable failure) {
			throw unit.failed(status, failure);
		}
		return result;
	}

	/**
	 * Runs {@code action} as work that fires transitions: a failure ends it
	 * {@link Ending#KEEP}.
	 */
	@Override
	@SuppressWarnings("NullAway") // the callback's result, null when it returns null
	public <T> T execute(TransactionCallback<T> action) {
		return runUnchecked(new Unit<T>() {

			@Override
			public @Nullable T run(@Nullable TransactionStatus status) {
				return action.doInTransaction((status != null) ? status : new SimpleTransactionStatus(false));
			}

			@Override
			public Throwable failed(@Nullable TransactionStatus status, Throwable failure) {
				end(status, Ending.KEEP);
				return failure;
			}

		});
	}

	/** {@link #run(Unit)} for a unit that throws no checked exception. */
	<T> @Nullable T runUnchecked(Unit<T> unit) {
		try {
			return run(unit);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new UndeclaredThrowableException(ex);
		}
	}

	/**
	 * Ends {@code status} after a failure, unless it ended already (a commit that
	 * failed).
	 */
	void end(@Nullable TransactionStatus status, Ending ending) {
		PlatformTransactionManager manager = this.transactionManager;
		if (status == null || manager == null || status.isCompleted()) {
			return;
		}
		boolean commit = switch (ending) {
			case RELEASE -> !status.isNewTransaction();
			case ABORT -> false;
			case KEEP -> !status.isRollbackOnly();
		};
		if (commit) {
			manager.commit(status);
		}
		else {
			manager.rollback(status);
		}
	}

	/**
	 * Whether the transition runs in its own transaction (or none), not in the caller's.
	 */
	static boolean isOwn(@Nullable TransactionStatus status) {
		return status == null || status.isNewTransaction();
	}

	/** How a transaction ends after what ran in it failed. */
	enum Ending {

		/**
		 * Nothing changed (a refusal, a veto): a transaction the transition started rolls
		 * back, a joined one stays usable (committing a participating transaction does
		 * nothing).
		 */
		RELEASE,

		/**
		 * Something changed: a transaction the transition started rolls back, a joined
		 * one is marked rollback-only, as a failing {@code @Transactional} method would.
		 */
		ABORT,

		/**
		 * Work that fired a transition: commits what is left when it can still commit (a
		 * refusal wrote nothing; an {@code onError} state was written in it), rolls it
		 * back when it was marked rollback-only. A joined transaction is left to its
		 * owner.
		 */
		KEEP

	}

	/** What runs in one transaction of a transition. */
	interface Unit<T> {

		/**
		 * Runs in the transaction; {@code status} is {@code null} without a transaction
		 * manager.
		 */
		@Nullable T run(@Nullable TransactionStatus status) throws Throwable;

		/**
		 * The failure path: ends {@code status} ({@link TransitionTransactions#end}) and
		 * returns what the caller gets.
		 */
		Throwable failed(@Nullable TransactionStatus status, Throwable failure);

	}

}
