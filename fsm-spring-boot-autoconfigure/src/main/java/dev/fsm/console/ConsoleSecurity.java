package dev.fsm.console;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who may open the console, and the CSRF token its page sends with the requests that
 * change something.
 * <p>
 * Public because the auto-configuration chooses one: {@link SpringSecurityConsole} with
 * Spring Security, {@link #none()} without.
 */
public interface ConsoleSecurity {

	/**
	 * Refuses the request when its user may not open the console, by throwing what the
	 * application's security turns into a login (nobody authenticated) or a 403.
	 */
	void checkAccess(HttpServletRequest request);

	/** The CSRF header the page's requests send, or {@code null} when there is none. */
	@Nullable CsrfHeader csrf(HttpServletRequest request);

	/** Without Spring Security: everyone may open it, and there is no CSRF token. */
	static ConsoleSecurity none() {
		return new ConsoleSecurity() {

			@Override
			public void checkAccess(HttpServletRequest request) {
			}

			@Override
			public @Nullable CsrfHeader csrf(HttpServletRequest request) {
				return null;
			}

		};
	}

	/**
	 * A CSRF token and the header it goes in.
	 *
	 * @param name the header name, such as {@code X-CSRF-TOKEN}
	 * @param token the token
	 */
	record CsrfHeader(String name, String token) {

	}

}
