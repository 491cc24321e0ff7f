package dev.fsm.sample;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo users: two authors and a staff member, all with the password {@value #PASSWORD}.
 * The login page and the start-up log list them. Apart from the web security, so that workflow
 * tests can import it for {@code @WithUserDetails}.
 */
@Configuration(proxyBeanMethods = false)
class DemoUsers {

	static final String PASSWORD = "password";

	static final String AUTHOR = "author@example.com";

	static final String OTHER_AUTHOR = "author2@example.com";

	static final String STAFF = "staff@example.com";

	/** One demo user: the name to sign in with, the role and what they do. */
	record DemoUser(String name, String role, String does) {
	}

	static final List<DemoUser> ALL = List.of(
			new DemoUser(AUTHOR, "AUTHOR", "writes, submits, approves and retracts her case reports"),
			new DemoUser(OTHER_AUTHOR, "AUTHOR", "another author, who cannot touch the first one's reports"),
			new DemoUser(STAFF, "STAFF", "reviews reports in the workflow console: sends back, publishes, retracts"));

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(ALL.stream()
			.map((user) -> User.withUsername(user.name()).password("{noop}" + PASSWORD).roles(user.role()).build())
			.toList());
	}

}
