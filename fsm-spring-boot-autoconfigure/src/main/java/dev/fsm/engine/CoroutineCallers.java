package dev.fsm.engine;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.fsm.spi.ActorProvider;

/**
 * Refuses a transition fired from a Kotlin coroutine where the caller's transaction or
 * user did not follow, instead of letting it commit in a transaction of its own or record
 * {@value ActorProvider#ANONYMOUS}:
 * <ul>
 * <li>in the transaction of a {@code @Transactional suspend fun}, or after a suspension
 * point of one: Spring holds a {@code PlatformTransactionManager}'s transaction on one
 * thread and ends it at the function's first suspension point;</li>
 * <li>on another thread than the caller's while the caller has a transaction open, in a
 * coroutine that carries its caller ({@link CarriedCaller});</li>
 * <li>without a user on a thread a dispatcher switched the coroutine to, when it carries
 * no caller: the user of the caller's thread stayed there.</li>
 * </ul>
 * The stack is read only for a transition fired without a user or without a transaction,
 * and only when kotlinx-coroutines is on the classpath; what it finds is cached.
 */
final class CoroutineCallers {

	/**
	 * Coroutines that move between threads need kotlinx-coroutines: without it, nothing
	 * to check.
	 */
	private static final boolean COROUTINES_PRESENT = ClassUtils.isPresent("kotlinx.coroutines.CoroutineScope",
			CoroutineCallers.class.getClassLoader());

	private static final String CONTINUATION = "kotlin.coroutines.Continuation";

	/**
	 * Bounds the caches: names and frames are the application's code, but transaction
	 * names need not be.
	 */
	private static final int MAX_CACHED = 4096;

	private static final String NONE = "";

	private final ActorProvider actors;

	private final boolean transactions;

	private final TransactionAttributeSource attributes = new AnnotationTransactionAttributeSource(false);

	/**
	 * Transaction names to the {@code @Transactional suspend fun} that began it, or
	 * {@link #NONE}.
	 */
	private final Map<String, String> functionsByTransactionName = new ConcurrentHashMap<>();

	/**
	 * Suspend functions on a stack to their name when {@code @Transactional}, or
	 * {@link #NONE}.
	 */
	private final Map<CoroutineFrames.SuspendFrame, String> transactionalFunctions = new ConcurrentHashMap<>();

	/**
	 * @param transactions whether the application has a transaction manager; without one
	 * there is no transaction to lose
	 */
	CoroutineCallers(ActorProvider actors, boolean transactions) {
		this.actors = actors;
		this.transactions = transactions;
	}

	/** {@link #refusal(String)} of a transition. */
	@Nullable String refusal() {
		return refusal("the transition");
	}

	/**
	 * Why a transition (or a forced state) may not be written on this thread, to follow
	 * "Transition 'x' on Entity#1", or {@code null} when it may.
	 * @param what the write, as the message names it: "the transition"
	 */
	@Nullable String refusal(String what) {
		if (!COROUTINES_PRESENT) {
			return null;
		}
		boolean inTransaction = this.transactions && TransactionSynchronizationManager.isActualTransactionActive();
		if (inTransaction) {
			String function = suspendFunctionNamed(TransactionSynchronizationManager.getCurrentTransactionName());
			if (function != null) {
				return transactionalSuspendFunction(function, what);
			}
		}
		CarriedCaller carried = CarriedCaller.current();
		if (carried != null && carried.leftTransactionBehind()) {
			return "was fired on thread '" + CoroutineFrames.threadName(Thread.currentThread()) + "' by a coroutine"
					+ " that left its caller's transaction open on thread '" + carried.threadName() + "': a transaction"
					+ " belongs to one thread, so " + what + " would commit apart from it; run it on the caller's"
					+ " thread (runBlocking without a dispatcher), or begin the transaction inside the coroutine, not"
					+ " around it";
		}
		boolean anonymous = carried == null && ActorProvider.ANONYMOUS.equals(this.actors.currentActor());
		boolean lostTransaction = this.transactions && !inTransaction;
		if (!anonymous && !lostTransaction) {
			return null;
		}
		CoroutineFrames frames = CoroutineFrames.current();
		if (frames == null) {
			return null;
		}
		if (lostTransaction) {
			String function = transactionalFunction(frames.suspendFunctions());
			if (function != null) {
				return transactionalSuspendFunction(function, what);
			}
		}
		if (anonymous && !frames.onBlockingThread()) {
			return "was fired on thread '" + CoroutineFrames.threadName(Thread.currentThread()) + "' by a Kotlin"
					+ " coroutine that carries no user: a dispatcher switch (withContext, launch or runBlocking with a"
					+ " dispatcher) leaves Spring Security's context and any transaction on the caller's thread, so "
					+ what + " would run as '" + ActorProvider.ANONYMOUS + "', in a transaction of its own; add"
					+ " CallerContextElement() to the coroutine's context to carry the caller's user"
					+ " (withContext(Dispatchers.IO + CallerContextElement()) { .. }), or name one with"
					+ " transitions.runAs(..) inside the coroutine";
		}
		return null;
	}

	private static String transactionalSuspendFunction(String function, String what) {
		return "was fired from " + function + ", a @Transactional suspend function: Spring holds its transaction on"
				+ " one thread and ends it at the function's first suspension point, so " + what + " would not"
				+ " commit or roll back with the function; declare it a regular fun and call it from coroutines in"
				+ " withContext(Dispatchers.IO + CallerContextElement()) { .. }, or run the transactional part in"
				+ " transactionTemplate.execute { .. }";
	}

	/**
	 * The suspend function whose {@code @Transactional} began the transaction of this
	 * name: Spring names one after the method, {@code com.example.Desk.submit}.
	 */
	private @Nullable String suspendFunctionNamed(@Nullable String transactionName) {
		if (transactionName == null) {
			return null;
		}
		String function = this.functionsByTransactionName.get(transactionName);
		if (function == null) {
			function = resolveSuspendFunction(transactionName);
			if (this.functionsByTransactionName.size() < MAX_CACHED) {
				this.functionsByTransactionName.put(transactionName, function);
			}
		}
		return function.isEmpty() ? null : function;
	}

	private static String resolveSuspendFunction(String transactionName) {
		int dot = transactionName.lastIndexOf('.');
		if (dot <= 0) {
			return NONE;
		}
		Class<?> type;
		try {
			type = ClassUtils.forName(transactionName.substring(0, dot), ClassUtils.getDefaultClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return NONE;
		}
		String name = transactionName.substring(dot + 1);
		boolean found = false;
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
			if (method.getName().equals(name)) {
				if (!isSuspending(method.getParameterTypes())) {
					return NONE;
				}
				found = true;
			}
		}
		return found ? display(type, name) : NONE;
	}

	/** The innermost {@code @Transactional} suspend function on the stack, by name. */
	private @Nullable String transactionalFunction(List<CoroutineFrames.SuspendFrame> frames) {
		for (CoroutineFrames.SuspendFrame frame : frames) {
			String function = this.transactionalFunctions.get(frame);
			if (function == null) {
				function = resolveTransactional(frame);
				if (this.transactionalFunctions.size() < MAX_CACHED) {
					this.transactionalFunctions.put(frame, function);
				}
			}
			if (!function.isEmpty()) {
				return function;
			}
		}
		return null;
	}

	private String resolveTransactional(CoroutineFrames.SuspendFrame frame) {
		Class<?> type = ClassUtils.getUserClass(frame.type());
		Method method = ReflectionUtils.findMethod(type, frame.name(), frame.methodType().parameterArray());
		if (method == null) {
			return NONE;
		}
		TransactionAttribute attribute = this.attributes.getTransactionAttribute(method, type);
		return (attribute != null && beginsOrJoins(attribute)) ? display(type, frame.name()) : NONE;
	}

	/** Whether the attribute runs the method in a transaction, not without one. */
	private static boolean beginsOrJoins(TransactionAttribute attribute) {
		int propagation = attribute.getPropagationBehavior();
		return propagation != TransactionDefinition.PROPAGATION_SUPPORTS
				&& propagation != TransactionDefinition.PROPAGATION_NOT_SUPPORTED
				&& propagation != TransactionDefinition.PROPAGATION_NEVER;
	}

	/**
	 * {@code Desk.submit()}; an internal function's JVM name {@code submit$module}
	 * without its module.
	 */
	private static String display(Class<?> type, String method) {
		int module = method.indexOf('$');
		return type.getSimpleName() + "." + ((module > 0) ? method.substring(0, module) : method) + "()";
	}

	private static boolean isSuspending(Class<?>[] parameterTypes) {
		return parameterTypes.length > 0 && parameterTypes[parameterTypes.length - 1].getName().equals(CONTINUATION);
	}

}
