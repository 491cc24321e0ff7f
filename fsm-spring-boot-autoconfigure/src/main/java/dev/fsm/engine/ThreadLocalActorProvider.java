package dev.fsm.engine;

import java.security.Principal;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.fsm.spi.ActorProvider;

/**
 * The actor provider for applications without Spring Security: the user given to
 * {@code runAs} on this thread, else {@value ActorProvider#ANONYMOUS}.
 */
final class ThreadLocalActorProvider implements ActorProvider {

	/**
	 * One per thread, not per provider: {@link CarriedCaller} carries it into coroutines.
	 */
	private static final ThreadLocal<@Nullable Principal> CURRENT = new ThreadLocal<>();

	@Override
	public String currentActor() {
		Principal principal = CURRENT.get();
		return (principal != null) ? principal.getName() : ANONYMOUS;
	}

	@Override
	public <T extends @Nullable Object> T runAs(Principal user, Supplier<T> work) {
		Principal previous = set(user);
		try {
			return work.get();
		}
		finally {
			set(previous);
		}
	}

	/** The user of {@code runAs} on this thread, {@code null} outside it. */
	static @Nullable Principal current() {
		return CURRENT.get();
	}

	/**
	 * Makes {@code user} the one of this thread.
	 * @return the one it replaces
	 */
	static @Nullable Principal set(@Nullable Principal user) {
		Principal previous = CURRENT.get();
		if (user != null) {
			CURRENT.set(user);
		}
		else {
			CURRENT.remove();
		}
		return previous;
	}

}
