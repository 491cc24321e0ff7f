package dev.fsm.console;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.expression.ParseException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.expression.DefaultHttpSecurityExpressionHandler;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The console's access expression ({@code fsm.console.access}, parsed once), evaluated as
 * {@code access(..)} in a {@code SecurityFilterChain} would be, with the application's
 * role hierarchy and beans; and the request's CSRF token. A refusal is an
 * {@link AccessDeniedException}, which Spring Security turns into the application's login
 * for anonymous users and into a 403 for the others.
 * <p>
 * Public because the auto-configuration creates it.
 */
public final class SpringSecurityConsole implements ConsoleSecurity {

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("fsm-console", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private final WebExpressionAuthorizationManager access;

	private final String expression;

	private final SecurityContextHolderStrategy securityContext;

	/**
	 * @param expression a Spring Security web expression, such as {@code hasRole('OPS')}
	 * @throws IllegalArgumentException when it does not parse
	 */
	public SpringSecurityConsole(String expression, ApplicationContext context,
			SecurityContextHolderStrategy securityContext) {
		DefaultHttpSecurityExpressionHandler handler = new DefaultHttpSecurityExpressionHandler();
		handler.setApplicationContext(context);
		context.getBeanProvider(RoleHierarchy.class).ifUnique(handler::setRoleHierarchy);
		try {
			this.access = new WebExpressionAuthorizationManager(expression);
			this.access.setExpressionHandler(handler);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("The console's access expression (fsm.console.access) '" + expression
					+ "' does not parse: " + ex.getMessage(), ex);
		}
		this.expression = expression;
		this.securityContext = securityContext;
	}

	@Override
	public void checkAccess(HttpServletRequest request) {
		AuthorizationResult result = this.access.authorize(this::authentication,
				new RequestAuthorizationContext(request));
		if (result == null || !result.isGranted()) {
			throw new AccessDeniedException("The workflow console is only for users with " + this.expression);
		}
	}

	/**
	 * The current user, anonymous when nobody is, as Spring Security's anonymous filter
	 * would have it.
	 */
	private Authentication authentication() {
		Authentication authentication = this.securityContext.getContext().getAuthentication();
		return (authentication != null) ? authentication : ANONYMOUS;
	}

	@Override
	public @Nullable CsrfHeader csrf(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return new CsrfHeader(token.getHeaderName(), token.getToken());
		}
		return null;
	}

}
