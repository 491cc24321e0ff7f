package dev.fsm.spi;

import java.security.Principal;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Who is firing transitions. With Spring Security, the current {@code Authentication} of
 * the {@code SecurityContextHolderStrategy}; without, the actor set by {@code runAs}, or
 * {@value #ANONYMOUS}.
 */
public interface ActorProvider {

	/** The actor name when nobody is authenticated. */
	String ANONYMOUS = "anonymous";

	/** The name of the current actor. */
	String currentActor();

	/** Runs {@code work} with {@code user} as the current actor. */
	<T extends @Nullable Object> T runAs(Principal user, Supplier<T> work);

}
