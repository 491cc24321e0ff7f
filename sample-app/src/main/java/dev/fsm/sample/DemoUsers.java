package dev.fsm.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Two demo users: the author of the sample reports, and a staff member. Passwords are
 * {@code password}. Apart from the web security, so that workflow tests can import it for
 * {@code @WithUserDetails}.
 */
@Configuration(proxyBeanMethods = false)
class DemoUsers {

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("author@example.com").password("{noop}password").roles("AUTHOR").build(),
				User.withUsername("staff@example.com").password("{noop}password").roles("STAFF").build());
	}

}
