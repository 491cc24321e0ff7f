package dev.fsm.examples.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Spring Statemachine's {@code security} sample, ported: sending any event needs the role
 * {@code USER} ({@code fsm.security.default-permission} in {@code security.properties}), the
 * transition from S2 to S3 and the internal transition of S1 need {@code ADMIN}, and the
 * internal transition of S0 runs an action that Spring Security lets only an admin run.
 */
@SpringBootApplication
@EnableMethodSecurity(securedEnabled = true)
@PropertySource("classpath:security.properties")
public class SecurityApplication {

	public static void main(String[] args) {
		SpringApplication.run(SecurityApplication.class, args);
	}

	/** The original's two users: {@code user}, and {@code admin} who is a user too. */
	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("user").password("{noop}password").roles("USER").build(),
				User.withUsername("admin").password("{noop}password").roles("USER", "ADMIN").build());
	}

}
