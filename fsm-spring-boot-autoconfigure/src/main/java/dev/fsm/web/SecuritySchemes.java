package dev.fsm.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The OpenAPI security schemes of the workflow API, read from how the application's
 * Spring Security filter chains authenticate: HTTP Basic ({@code basicAuth}) where a
 * chain has a {@code BasicAuthenticationFilter}, bearer tokens ({@code bearerAuth}) where
 * it has the OAuth2 resource server's {@code BearerTokenAuthenticationFilter}. Sessions
 * of a form login are no scheme a generated client can use, and declare none.
 */
final class SecuritySchemes {

	static final String BASIC = "basicAuth";

	static final String BEARER = "bearerAuth";

	private static final String FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

	private static final String BASIC_FILTER = "org.springframework.security.web.authentication.www.BasicAuthenticationFilter";

	private static final String BEARER_FILTER = "org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter";

	private SecuritySchemes() {
	}

	/**
	 * The schemes of the application's filter chains, read when the document is built
	 * (all beans exist by then); none without Spring Security's web support.
	 */
	static Supplier<Map<String, SecurityScheme>> of(ListableBeanFactory beanFactory) {
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : SecuritySchemes.class.getClassLoader();
		if (!ClassUtils.isPresent(FILTER_CHAIN, classLoader)) {
			return Map::of;
		}
		return () -> FilterChains.schemes(beanFactory);
	}

	static SecurityScheme basic() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("basic")
			.description("HTTP Basic: the user name and password of a user of the application");
	}

	static SecurityScheme bearer() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.description("A bearer token (OAuth 2.0) the application's resource server accepts");
	}

	/** Kept apart so that Spring Security's classes load only when it is present. */
	private static final class FilterChains {

		static Map<String, SecurityScheme> schemes(ListableBeanFactory beanFactory) {
			Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
			for (org.springframework.security.web.SecurityFilterChain chain : beanFactory
				.getBeanProvider(org.springframework.security.web.SecurityFilterChain.class)
				.orderedStream()
				.toList()) {
				for (jakarta.servlet.Filter filter : chain.getFilters()) {
					if (isA(filter, BASIC_FILTER)) {
						schemes.putIfAbsent(BASIC, basic());
					}
					else if (isA(filter, BEARER_FILTER)) {
						schemes.putIfAbsent(BEARER, bearer());
					}
				}
			}
			return schemes;
		}

		/**
		 * Whether {@code filter} is of the class named, or a subclass of it; no class is
		 * loaded.
		 */
		private static boolean isA(Object filter, String className) {
			for (Class<?> type = filter.getClass(); type != null; type = type.getSuperclass()) {
				if (type.getName().equals(className)) {
					return true;
				}
			}
			return false;
		}

	}

}
