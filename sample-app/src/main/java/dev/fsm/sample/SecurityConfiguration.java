package dev.fsm.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Form login for people ({@link DemoUsers}), with CSRF protection: the pages and the workflow
 * console post the session's token. Scripts and generated API clients may use HTTP Basic instead
 * (the README's curl examples); only those requests skip the CSRF token, and only when the
 * browser does not say they come from another site ({@link StatelessRequests}). A request from a
 * browser page (the console's {@code fetch}) that is not signed in gets a bare 401, never a
 * Basic challenge, so that the browser never asks for and keeps Basic credentials it would send
 * with forged requests. The Actuator's health is open to all, its other endpoints to staff.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/favicon.svg", "/error", "/actuator/health").permitAll()
			.requestMatchers("/actuator/**").hasRole("STAFF")
			.anyRequest().authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/reports"))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), SecurityConfiguration::isFromABrowserPage))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(new StatelessRequests()));
		return http.build();
	}

	/** A browser's {@code fetch}, XHR or subresource request: anything but a navigation. */
	private static boolean isFromABrowserPage(jakarta.servlet.http.HttpServletRequest request) {
		String mode = request.getHeader("Sec-Fetch-Mode");
		return (mode != null && !mode.equals("navigate")) || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
	}

}
