package dev.fsm.sample;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests that need no CSRF token: those that carry their own HTTP Basic credentials and
 * come from no other site. A script or a generated client sends its credentials with every
 * request and no browser forges that for it; but a browser that holds Basic credentials sends
 * them with a forged cross-site request too, so the browser's word on where the request comes
 * from decides: {@code Sec-Fetch-Site} (same-origin, or none: typed by the user) and, for
 * browsers too old to send it, an {@code Origin} that is this server.
 */
final class StatelessRequests implements RequestMatcher {

	static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

	@Override
	public boolean matches(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		String site = request.getHeader(SEC_FETCH_SITE);
		if (site != null && !site.equals("same-origin") && !site.equals("none")) {
			return false;
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		return origin == null || isThisServer(origin, request);
	}

	private static boolean isThisServer(String origin, HttpServletRequest request) {
		try {
			URI uri = URI.create(origin);
			int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
			return request.getScheme().equals(uri.getScheme()) && uri.getHost() != null
					&& request.getServerName().toLowerCase(Locale.ROOT).equals(uri.getHost().toLowerCase(Locale.ROOT))
					&& request.getServerPort() == port;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
