package dev.fsm.engine;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.target.EmptyTargetSource;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.fsm.EntityRef;
import dev.fsm.TransitionResult;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.EntityFinder;
import dev.fsm.spi.EntityLocking;
import dev.fsm.spi.EntityStore;

/**
 * Fires transitions on entities named by id: loads the entity and fires in one
 * transaction, one read of its row, refusing a stale expected version before anything
 * runs; the transaction is the template's ({@link TransitionTransactions}, ended
 * {@code KEEP}): when the transition fails after writing its {@code onError} state, or is
 * refused without writing anything, it is committed; otherwise it rolls back. A
 * pessimistic transition loads the entity under its row lock; one declared safe to repeat
 * is fired again on a fresh copy when it loses to a concurrent change in its own
 * transaction.
 */
final class ByIdTransitions {

	private final WorkflowLookup lookup;

	private final WorkflowRegistry registry;

	private final TransitionInvoker invoker;

	private final EntityStore store;

	private final TransitionTransactions transactions;

	private final ConversionService conversions;

	private final ConcurrencySettings concurrency;

	private final TransitionRetries retries;

	private final CoroutineCallers callers;

	ByIdTransitions(WorkflowLookup lookup, WorkflowRegistry registry, TransitionInvoker invoker, EntityStore store,
			TransitionTransactions transactions, ConversionService conversions, ConcurrencySettings concurrency,
			CoroutineCallers callers) {
		this.concurrency = concurrency;
		this.callers = callers;
		this.retries = new TransitionRetries(concurrency);
		this.lookup = lookup;
		this.registry = registry;
		this.invoker = invoker;
		this.store = store;
		this.transactions = transactions;
		this.conversions = conversions;
	}

	<T> TransitionResult<T> fire(EntityRef<T> ref, String transition, @Nullable Object @Nullable [] arguments) {
		// before the transaction this begins hides that the caller's was lost
		String refusal = this.callers.refusal();
		if (refusal != null) {
			throw TransitionErrors.callerLeftBehind(this.store, ref.type(), this.store.toId(ref.type(), ref.id()),
					transition, refusal);
		}
		TransitionModel declared = declared(ref.type(), transition);
		if (declared == null || declared.concurrency().retries() == 0 || ref.expectedVersion() != null
				|| TransactionSynchronizationManager.isActualTransactionActive()) {
			return fireOnce(ref, transition, arguments, declared);
		}
		return this.retries.run(declared, () -> fireOnce(ref, transition, arguments, declared));
	}

	/**
	 * The transition of the type called {@code name}, {@code null} when none or several
	 * are.
	 */
	private @Nullable TransitionModel declared(Class<?> type, String name) {
		List<TransitionModel> named = this.registry.transitionsNamed(type, name);
		return (named.size() == 1) ? named.get(0) : null;
	}

	/**
	 * Loads and fires in one transaction of the template, kept after a failure when it
	 * still can commit.
	 */
	private <T> TransitionResult<T> fireOnce(EntityRef<T> ref, String transition,
			@Nullable Object @Nullable [] arguments, @Nullable TransitionModel declared) {
		return this.transactions.execute((status) -> {
			T entity = load(ref, transition, declared);
			TransitionModel model = this.lookup.resolve(entity, transition);
			Object value = this.invoker.invoke(entity, model, arguments);
			return new TransitionResult<>(entity, value, model.workflow().state().getName(entity),
					this.store.versionOf(entity));
		});
	}

	/**
	 * A view whose transition methods fire by id; its other methods have no entity to run
	 * on.
	 */
	@SuppressWarnings("unchecked")
	<T> T view(EntityRef<T> ref) {
		Class<T> type = ref.type();
		if (this.registry.workflowsOf(type).isEmpty()) {
			this.lookup.workflowsOf(type);
		}
		ProxyFactory proxyFactory = new ProxyFactory();
		proxyFactory.setTargetSource(EmptyTargetSource.forClass(type));
		proxyFactory.setProxyTargetClass(true);
		proxyFactory.setOptimize(true); // no CGLIB warnings about final methods, as for
										// transitions.on(entity)
		proxyFactory.addAdvice((MethodInterceptor) (invocation) -> {
			Method method = invocation.getMethod();
			TransitionModel transition = this.registry.transitionFor(type, method);
			if (transition == null || transition.isDeclaredOnBean()) {
				throw new IllegalStateException("transitions.on(" + ref + ") only fires transitions: "
						+ type.getSimpleName() + "." + method.getName() + "() is none; load the entity to read it");
			}
			return fire(ref, transition.name(), invocation.getArguments()).value();
		});
		return (T) proxyFactory.getProxy(type.getClassLoader());
	}

	/**
	 * The entity, loaded in the current transaction (under its row lock for a pessimistic
	 * transition), at the expected version if one is given.
	 */
	private <T> T load(EntityRef<T> ref, String transition, @Nullable TransitionModel declared) {
		Object id = this.store.toId(ref.type(), ref.id());
		Object entity = (declared != null && this.concurrency.isPessimistic(declared)) ? lock(ref.type(), id, declared)
				: EntityFinder.of(this.store).find(ref.type(), id);
		if (entity == null) {
			throw TransitionErrors.unknownEntity(this.store, ref.type(), id);
		}
		Object expected = ref.expectedVersion();
		if (expected != null) {
			Object actual = this.store.versionOf(entity);
			if (actual == null) {
				throw new IllegalArgumentException(ref.type().getSimpleName() + " has no @Version, so the version "
						+ expected + " expected by " + ref + " cannot be checked");
			}
			if (!actual.equals(convert(expected, actual.getClass()))) {
				String state = String.valueOf(this.lookup.workflowsOf(entity).get(0).state().getName(entity));
				throw TransitionErrors.versionMismatch(this.store, ref.type(), id, transition, state, expected, actual);
			}
		}
		return ref.type().cast(entity);
	}

	private @Nullable Object lock(Class<?> type, Object id, TransitionModel transition) {
		Duration timeout = this.concurrency.lockTimeout(transition);
		return TransitionErrors.locking(() -> EntityLocking.of(this.store).findAndLock(type, id, timeout),
				(ex) -> TransitionErrors.lockTimeout(type, id, TransitionErrors.entity(this.store, type, id),
						transition.name(), null, timeout, ex));
	}

	/**
	 * The expected version as the type of the actual one; one that does not convert
	 * matches none.
	 */
	private @Nullable Object convert(Object expected, Class<?> versionType) {
		try {
			return this.conversions.convert(expected, versionType);
		}
		catch (ConversionException ex) {
			return null;
		}
	}

}
