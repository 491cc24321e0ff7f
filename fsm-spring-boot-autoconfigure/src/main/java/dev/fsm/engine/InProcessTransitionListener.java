package dev.fsm.engine;

import java.lang.reflect.Method;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An after-commit {@code @TransactionalEventListener} of the events that carry the entity
 * ({@code PostTransitionEvent} and its kin). It runs after the commit as Spring's adapter
 * would, but is no {@code TransactionalApplicationListener}: an event publication
 * registry (Spring Modulith's records the events of every one) leaves it alone, as a JPA
 * entity is nothing to serialise. Durable side effects listen for
 * {@code TransitionCompleted}.
 */
final class InProcessTransitionListener extends ApplicationListenerMethodAdapter {

	private final String name;

	private final boolean fallbackExecution;

	/**
	 * @param name the listener for log lines, {@code Type.method()}
	 * @param fallbackExecution whether to run at once when no transaction is active
	 */
	InProcessTransitionListener(String beanName, Class<?> targetClass, Method method, String name,
			boolean fallbackExecution) {
		super(beanName, targetClass, method);
		this.name = name;
		this.fallbackExecution = fallbackExecution;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			TransactionSynchronizationManager.registerSynchronization(new AfterCommit(event));
		}
		else if (this.fallbackExecution) {
			processEvent(event);
		}
	}

	/**
	 * Processes the event once the transaction committed; a failure is logged, the commit
	 * stands.
	 */
	private final class AfterCommit implements TransactionSynchronization {

		private final ApplicationEvent event;

		AfterCommit(ApplicationEvent event) {
			this.event = event;
		}

		@Override
		public int getOrder() {
			return InProcessTransitionListener.this.getOrder();
		}

		@Override
		public void afterCompletion(int status) {
			if (status != STATUS_COMMITTED) {
				return;
			}
			try {
				processEvent(this.event);
			}
			catch (RuntimeException | Error ex) {
				TransitionListenerFailureLogging.failed(InProcessTransitionListener.this.name, this.event, ex);
				throw ex;
			}
		}

	}

}
