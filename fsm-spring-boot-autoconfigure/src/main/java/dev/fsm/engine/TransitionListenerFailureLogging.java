package dev.fsm.engine;

import java.lang.reflect.Method;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.event.TransactionalEventListenerFactory;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionCompleted;
import dev.fsm.TransitionEvent;
import dev.fsm.TransitionFailedEvent;

/**
 * Creates the application's {@code @TransactionalEventListener}s as Spring does, and logs
 * an after-commit listener that throws with the identity of the transition whose event it
 * received. Spring logs such a failure too, without saying which transition it was; the
 * transition stays committed either way: this only tells the operator which one to look
 * at.
 * <p>
 * An after-commit listener of the events that carry the entity (and not of
 * {@link TransitionCompleted}) is handed out as a plain listener, so that an event
 * publication registry does not try to serialise its events
 * ({@link InProcessTransitionListener}).
 * <p>
 * Ordered before Spring's own factory, which it replaces for every transactional
 * listener.
 */
class TransitionListenerFailureLogging extends TransactionalEventListenerFactory {

	private static final Log logger = LogFactory.getLog(TransitionListenerFailureLogging.class);

	TransitionListenerFailureLogging() {
		setOrder(40);
	}

	@Override
	public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
		ApplicationListener<?> listener = super.createApplicationListener(beanName, type, method);
		if (listener instanceof TransactionalApplicationListenerMethodAdapter adapter
				&& adapter.getTransactionPhase() == TransactionPhase.AFTER_COMMIT) {
			String name = type.getSimpleName() + "." + method.getName() + "()";
			if (carriesTheEntityOnly(adapter)) {
				TransactionalEventListener annotation = AnnotatedElementUtils.findMergedAnnotation(method,
						TransactionalEventListener.class);
				return new InProcessTransitionListener(beanName, type, method, name,
						annotation != null && annotation.fallbackExecution());
			}
			adapter.addCallback(new TransactionalApplicationListener.SynchronizationCallback() {

				@Override
				public void postProcessEvent(ApplicationEvent event, @Nullable Throwable failure) {
					if (failure != null) {
						failed(name, event, failure);
					}
				}

			});
		}
		return listener;
	}

	/**
	 * Whether {@code method} is an after-commit {@code @TransactionalEventListener} that
	 * this factory hands out as an {@link InProcessTransitionListener}: the registry
	 * records nothing for it.
	 */
	static boolean runsInProcess(Method method, Class<?> targetClass) {
		TransactionalEventListener annotation = AnnotatedElementUtils.findMergedAnnotation(method,
				TransactionalEventListener.class);
		if (annotation == null || annotation.phase() != TransactionPhase.AFTER_COMMIT) {
			return false;
		}
		try {
			return carriesTheEntityOnly(new TransactionalApplicationListenerMethodAdapter("", targetClass, method));
		}
		catch (IllegalStateException ex) {
			// not a listener method Spring accepts (no or several parameters): its
			// factory reports it
			return false;
		}
	}

	/**
	 * Logs a listener that failed after the commit of a transition, naming the
	 * transition.
	 */
	static void failed(String listener, ApplicationEvent event, Throwable failure) {
		if (event instanceof TransitionEvent<?> transitionEvent) {
			logger.error("Listener " + listener + " failed after the commit of "
					+ identity(transitionEvent.getAttempt()) + "; the transition stays committed", failure);
		}
	}

	/**
	 * Whether the listener takes events with the entity in them, and not the serialisable
	 * {@link TransitionCompleted}.
	 */
	private static boolean carriesTheEntityOnly(TransactionalApplicationListenerMethodAdapter adapter) {
		return !adapter.supportsEventType(ResolvableType.forClass(TransitionCompleted.class))
				&& (adapter.supportsEventType(ResolvableType.forClass(PostTransitionEvent.class))
						|| adapter.supportsEventType(ResolvableType.forClass(PreTransitionEvent.class))
						|| adapter.supportsEventType(ResolvableType.forClass(TransitionFailedEvent.class)));
	}

	/**
	 * {@code transition 'submit' of CaseReport#42 (DRAFT -> ADMIN_REVIEW) by author@example.com}.
	 */
	static String identity(TransitionAttempt attempt) {
		return "transition '" + attempt.transition() + "' of " + attempt.workflow().entityName() + "#"
				+ ((attempt.entityId() != null) ? attempt.entityId() : "(unsaved)") + " (" + attempt.sourceState()
				+ " -> " + attempt.targetState() + ", workflow " + attempt.workflow().name() + ") by "
				+ attempt.actor();
	}

}
