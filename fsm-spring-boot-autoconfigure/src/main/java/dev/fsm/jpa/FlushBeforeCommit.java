package dev.fsm.jpa;

import org.hibernate.engine.spi.SharedSessionContractImplementor;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Flushes a session that holds workflow entities in Spring's {@code beforeCommit}, once
 * per transaction. A state change refused at the commit's own flush would reach the
 * caller wrapped in a {@code TransactionSystemException} ("Could not commit JPA
 * transaction"); refused here, the caller gets the {@code IllegalStateChangeException}
 * itself. Other flush failures are translated as a repository would translate them. The
 * flush at commit then has nothing left to do.
 */
final class FlushBeforeCommit implements TransactionSynchronization {

	private final SharedSessionContractImplementor session;

	private FlushBeforeCommit(SharedSessionContractImplementor session) {
		this.session = session;
	}

	/**
	 * Registers the flush for the current Spring transaction, unless it has it already.
	 */
	static void register(SharedSessionContractImplementor session) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| TransactionSynchronizationManager.hasResource(session)) {
			return;
		}
		FlushBeforeCommit flush = new FlushBeforeCommit(session);
		TransactionSynchronizationManager.bindResource(session, flush);
		TransactionSynchronizationManager.registerSynchronization(flush);
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		if (readOnly || this.session.isClosed() || isRollbackOnly(this.session)) {
			// JpaTransactionManager commits a rollback-only transaction so that JPA can
			// refuse it:
			// nothing of it is kept, so nothing needs flushing
			return;
		}
		try {
			this.session.flush();
		}
		catch (RuntimeException ex) {
			throw PersistenceExceptions.translate(ex);
		}
	}

	/** Whether the session's transaction can only roll back (or there is none). */
	static boolean isRollbackOnly(SharedSessionContractImplementor session) {
		if (!session.isTransactionInProgress()) {
			return true;
		}
		org.hibernate.Transaction transaction = session.accessTransaction();
		return !transaction.isActive() || transaction.getRollbackOnly();
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(this.session);
	}

}
