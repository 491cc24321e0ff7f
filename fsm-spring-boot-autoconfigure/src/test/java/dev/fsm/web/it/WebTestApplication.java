package dev.fsm.web.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The HTTP API's test application. Its security lets every request through, with HTTP
 * Basic for token-like clients and no CSRF: the API itself insists on an authenticated
 * user, and the transitions' permissions decide the rest.
 */
@SpringBootApplication
public class WebTestApplication {

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("ann").password("{noop}secret").roles("ADJUSTER").build(),
				User.withUsername("bob").password("{noop}secret").roles("CLERK").build());
	}

}
