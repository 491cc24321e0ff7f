package dev.fsm.engine;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What the stack of the current thread says about the Kotlin coroutine running on it:
 * whether one runs (it was started or resumed by Kotlin's continuation machinery),
 * whether the thread is the caller's own, blocked in {@code runBlocking} (the coroutine
 * then runs in the caller's transaction and security context), or a dispatcher's, and
 * which suspend functions are on it. Read only when a transition is fired without a user
 * or without a transaction, and only {@value #MAX_FRAMES} frames deep.
 */
final class CoroutineFrames {

	private static final String RESUME_CLASS = "kotlin.coroutines.jvm.internal.BaseContinuationImpl";

	private static final String EVENT_LOOP = "kotlinx.coroutines.EventLoopImplBase";

	private static final String BLOCKING_COROUTINE = "kotlinx.coroutines.BlockingCoroutine";

	private static final String BUILDERS = "kotlinx.coroutines.BuildersKt";

	/** The threads of {@code Dispatchers.Default} and {@code Dispatchers.IO}. */
	private static final String SCHEDULER_WORKER = "kotlinx.coroutines.scheduling.CoroutineScheduler$Worker";

	/**
	 * How far from the transition the coroutine is looked for: the coroutine's code, a
	 * few calls and the proxies between are nearer; the machinery of the thread below is
	 * not read.
	 */
	private static final int MAX_FRAMES = 48;

	private static final String CONTINUATION_PARAMETER = "Lkotlin/coroutines/Continuation;)";

	private static final StackWalker NAMES = StackWalker.getInstance();

	private static final StackWalker TYPES = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	private final boolean onBlockingThread;

	private CoroutineFrames(boolean onBlockingThread) {
		this.onBlockingThread = onBlockingThread;
	}

	/**
	 * The coroutine running on this thread, {@code null} when none runs near the
	 * transition.
	 */
	static @Nullable CoroutineFrames current() {
		// names only: the cheap walk most transitions end with
		return NAMES.walk((frames) -> entry(frames.limit(MAX_FRAMES))).map(CoroutineFrames::new).orElse(null);
	}

	/**
	 * Whether the thread blocks in {@code runBlocking} (rather than serving a
	 * dispatcher); empty when no coroutine runs.
	 */
	private static Optional<Boolean> entry(Stream<StackWalker.StackFrame> frames) {
		boolean inCoroutine = false;
		for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
			String type = frame.getClassName();
			if (!inCoroutine) {
				inCoroutine = type.equals(RESUME_CLASS) && frame.getMethodName().equals("resumeWith");
			}
			else if (type.equals(EVENT_LOOP) || type.equals(BLOCKING_COROUTINE) || type.startsWith(BUILDERS)) {
				// the loop of runBlocking: the thread that called it, unless a
				// dispatcher's thread did
				return Optional.of(!Thread.currentThread().getClass().getName().equals(SCHEDULER_WORKER));
			}
		}
		// a dispatcher's task, or a resumption from a thread of another library
		return inCoroutine ? Optional.of(false) : Optional.empty();
	}

	private static List<SuspendFrame> suspendFunctions(Stream<StackWalker.StackFrame> frames) {
		List<SuspendFrame> suspendFunctions = new ArrayList<>();
		for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
			String type = frame.getClassName();
			if (!type.startsWith("kotlin.") && !type.startsWith("kotlinx.")
					&& frame.getDescriptor().contains(CONTINUATION_PARAMETER)) {
				suspendFunctions
					.add(new SuspendFrame(frame.getDeclaringClass(), frame.getMethodName(), frame.getMethodType()));
			}
		}
		return List.copyOf(suspendFunctions);
	}

	/**
	 * Whether the coroutine runs on the thread that started it with {@code runBlocking},
	 * not on one a dispatcher switched it to.
	 */
	boolean onBlockingThread() {
		return this.onBlockingThread;
	}

	/**
	 * The suspend functions on the stack, innermost first: a second walk, which reads
	 * their types.
	 */
	List<SuspendFrame> suspendFunctions() {
		return TYPES.walk((frames) -> suspendFunctions(frames.limit(MAX_FRAMES)));
	}

	/**
	 * A thread's name without the {@code @coroutine#n} that Kotlin's debug mode appends.
	 */
	static String threadName(Thread thread) {
		String name = thread.getName();
		int coroutine = name.indexOf(" @coroutine#");
		return (coroutine >= 0) ? name.substring(0, coroutine) : name;
	}

	/**
	 * A suspend function running on the stack: its class, name and JVM parameter types.
	 */
	record SuspendFrame(Class<?> type, String name, MethodType methodType) {
	}

}
