package dev.fsm.kotlin;

import kotlin.coroutines.AbstractCoroutineContextElement;
import kotlin.coroutines.CoroutineContext;
import kotlinx.coroutines.ThreadContextElement;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import dev.fsm.engine.CarriedCaller;

/**
 * Carries the caller of a Kotlin coroutine onto every thread the coroutine runs on: the
 * user of Spring Security's context (or of {@code transitions.runAs} without Spring
 * Security), and the thread and transaction the coroutine leaves behind, so that a
 * transition fired on a dispatcher's thread runs as the caller and is refused when it
 * would commit apart from the caller's open transaction. Made where the coroutine starts,
 * on the caller's thread: <pre class="code">
 * suspend fun approve(id: Long) = withContext(Dispatchers.IO + CallerContextElement()) {
 *     desk.approve(id)    // a regular @Transactional fun: its transaction and the transition's are one
 * }
 * </pre> Without it, a transition fired without a user on a thread a dispatcher switched
 * to is refused, rather than recorded as {@code anonymous}.
 *
 * @since 0.2.0
 */
public final class CallerContextElement extends AbstractCoroutineContextElement
		implements ThreadContextElement<Object> {

	/** The key of the element in a coroutine context. */
	public static final CoroutineContext.Key<CallerContextElement> KEY = new CoroutineContext.Key<>() {
	};

	private static final boolean SPRING_SECURITY = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder",
			CallerContextElement.class.getClassLoader());

	private final CarriedCaller caller;

	/**
	 * The caller's {@code Authentication}, {@code null} without one or without Spring
	 * Security.
	 */
	private final @Nullable Object authentication;

	/** Captures the caller of the current thread. */
	public CallerContextElement() {
		super(KEY);
		this.caller = CarriedCaller.capture();
		this.authentication = SPRING_SECURITY ? SecurityContexts.authentication() : null;
	}

	@Override
	public Object updateThreadContext(CoroutineContext context) {
		Object security = SPRING_SECURITY ? SecurityContexts.replace(this.authentication) : null;
		return new Previous(this.caller.install(), security);
	}

	@Override
	public void restoreThreadContext(CoroutineContext context, Object previous) {
		Previous state = (Previous) previous;
		if (SPRING_SECURITY) {
			SecurityContexts.restore(state.security());
		}
		CarriedCaller.restore(state.caller());
	}

	@Override
	public String toString() {
		return "CallerContextElement(" + ((this.authentication != null) ? "user" : "no user") + ")";
	}

	private record Previous(Object caller, @Nullable Object security) {
	}

	/** Kept apart so that Spring Security's classes load only when it is present. */
	private static final class SecurityContexts {

		private static org.springframework.security.core.context.SecurityContextHolderStrategy strategy() {
			return org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();
		}

		static @Nullable Object authentication() {
			return strategy().getContext().getAuthentication();
		}

		/**
		 * Gives this thread a new context with {@code authentication}; returns the one it
		 * had.
		 */
		static Object replace(@Nullable Object authentication) {
			org.springframework.security.core.context.SecurityContextHolderStrategy strategy = strategy();
			org.springframework.security.core.context.SecurityContext previous = strategy.getContext();
			org.springframework.security.core.context.SecurityContext context = strategy.createEmptyContext();
			context.setAuthentication((org.springframework.security.core.Authentication) authentication);
			strategy.setContext(context);
			return previous;
		}

		static void restore(@Nullable Object previous) {
			org.springframework.security.core.context.SecurityContext context = (org.springframework.security.core.context.SecurityContext) previous;
			if (context == null || context.getAuthentication() == null) {
				strategy().clearContext();
			}
			else {
				strategy().setContext(context);
			}
		}

	}

}
