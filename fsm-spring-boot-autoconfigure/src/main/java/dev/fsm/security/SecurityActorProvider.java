package dev.fsm.security;

import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import dev.fsm.spi.ActorProvider;

/**
 * The actor is the authenticated user of the {@link SecurityContextHolderStrategy};
 * {@code runAs} replaces the security context for the duration of the work, so that
 * everything downstream (listeners, {@code @PreAuthorize} methods) agrees on the user.
 */
final class SecurityActorProvider implements ActorProvider {

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final SecurityContextHolderStrategy strategy;

	SecurityActorProvider(SecurityContextHolderStrategy strategy) {
		this.strategy = strategy;
	}

	@Override
	public String currentActor() {
		Authentication authentication = this.strategy.getContext().getAuthentication();
		if (!this.trustResolver.isAuthenticated(authentication)) {
			return ANONYMOUS;
		}
		return authentication.getName();
	}

	@Override
	public <T extends @Nullable Object> T runAs(Principal user, Supplier<T> work) {
		SecurityContext previous = this.strategy.getContext();
		SecurityContext context = this.strategy.createEmptyContext();
		context.setAuthentication(toAuthentication(user));
		this.strategy.setContext(context);
		try {
			return work.get();
		}
		finally {
			this.strategy.setContext(previous);
		}
	}

	/**
	 * {@code user} itself when it is an {@link Authentication}; otherwise an
	 * authenticated user of that name with no authorities.
	 */
	static Authentication toAuthentication(Principal user) {
		if (user instanceof Authentication authentication) {
			return authentication;
		}
		return UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, List.of());
	}

}
