package dev.fsm.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login for people ({@link DemoUsers}), with CSRF protection: the pages and the workflow
 * console post the session's token. Scripts may use HTTP Basic instead (the README's curl
 * examples); a request that carries its credentials in an {@code Authorization} header is not
 * forged by a browser on the user's behalf, so only those skip the CSRF token. The Actuator's
 * health is open to all, its other endpoints to staff.
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
			.csrf((csrf) -> csrf.ignoringRequestMatchers((request) -> request.getHeader(HttpHeaders.AUTHORIZATION) != null));
		return http.build();
	}

}
