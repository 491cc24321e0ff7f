package dev.fsm.test.example;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The users of the example: a component a {@code @WorkflowTest} includes, for
 * {@code @WithUserDetails}.
 */
@Component
public class ClaimUsers implements UserDetailsService {

	@Override
	public UserDetails loadUserByUsername(String username) {
		return switch (username) {
			case "owner@example.com" -> User.withUsername(username).password("{noop}pw").roles("EMPLOYEE").build();
			case "manager@example.com" -> User.withUsername(username).password("{noop}pw").roles("MANAGER").build();
			case "accounting@example.com" ->
				User.withUsername(username).password("{noop}pw").roles("ACCOUNTANT").build();
			default -> throw new UsernameNotFoundException(username);
		};
	}

}
