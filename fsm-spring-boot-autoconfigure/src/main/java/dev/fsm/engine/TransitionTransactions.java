package dev.fsm.engine;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The transaction of one transition: joined or started (propagation REQUIRED), or none when
 * the application has no transaction manager.
 */
final class TransitionTransactions {

	private static final TransactionDefinition REQUIRED = new DefaultTransactionDefinition(
			TransactionDefinition.PROPAGATION_REQUIRED);

	private final @Nullable PlatformTransactionManager transactionManager;

	TransitionTransactions(@Nullable PlatformTransactionManager transactionManager) {
		this.transactionManager = transactionManager;
	}

	/** Joins the caller's transaction or starts one; {@code null} without a transaction manager. */
	@Nullable TransactionStatus begin() {
		return (this.transactionManager != null) ? this.transactionManager.getTransaction(REQUIRED) : null;
	}

	void commit(@Nullable TransactionStatus status) {
		if (status != null && this.transactionManager != null) {
			this.transactionManager.commit(status);
		}
	}

	/**
	 * Ends a transition that changed nothing: rolls back a transaction it started, and leaves a
	 * joined one usable (committing a participating transaction does nothing).
	 */
	void release(@Nullable TransactionStatus status) {
		if (status == null || this.transactionManager == null) {
			return;
		}
		if (status.isNewTransaction()) {
			this.transactionManager.rollback(status);
		}
		else {
			this.transactionManager.commit(status);
		}
	}

	/**
	 * Rolls back a transaction the transition started, or marks a joined one rollback-only, as
	 * a failing {@code @Transactional} method would.
	 */
	void abort(@Nullable TransactionStatus status) {
		if (status != null && this.transactionManager != null) {
			this.transactionManager.rollback(status);
		}
	}

	/**
	 * Ends a transaction after what ran in it failed: commits what is left when it can still
	 * commit (a refusal wrote nothing; an {@code onError} state was written in it), rolls it back
	 * otherwise. A joined transaction is left to its owner, marked rollback-only when it must be.
	 */
	void endAfterFailure(@Nullable TransactionStatus status) {
		if (status == null || this.transactionManager == null || status.isCompleted()) {
			return;
		}
		if (status.isRollbackOnly()) {
			this.transactionManager.rollback(status);
		}
		else {
			this.transactionManager.commit(status);
		}
	}

	/** Rolls back a transaction the transition started, unless it already ended. */
	void rollbackIfActive(@Nullable TransactionStatus status) {
		if (status != null && this.transactionManager != null && !status.isCompleted()) {
			this.transactionManager.rollback(status);
		}
	}

	/** Whether the transition runs in its own transaction (or none), not in the caller's. */
	boolean isOwn(@Nullable TransactionStatus status) {
		return status == null || status.isNewTransaction();
	}

}
