package dev.fsm.engine;

import java.security.Principal;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The actor provider for applications without Spring Security: the user given to
 * {@code runAs} on this thread, else {@value ActorProvider#ANONYMOUS}.
 * <p>
 * Public because the auto-configuration creates it when Spring Security is absent.
 */
public final class ThreadLocalActorProvider implements ActorProvider {

	private final ThreadLocal<@Nullable Principal> current = new ThreadLocal<>();

	@Override
	public String currentActor() {
		Principal principal = this.current.get();
		return (principal != null) ? principal.getName() : ANONYMOUS;
	}

	@Override
	public <T> T runAs(Principal user, Supplier<T> work) {
		Principal previous = this.current.get();
		this.current.set(user);
		try {
			return work.get();
		}
		finally {
			if (previous != null) {
				this.current.set(previous);
			}
			else {
				this.current.remove();
			}
		}
	}

}
