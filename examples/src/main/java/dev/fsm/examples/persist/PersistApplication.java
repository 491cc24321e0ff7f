package dev.fsm.examples.persist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Spring Statemachine's {@code persist} sample, ported: orders go from PLACED to PROCESSING, SENT
 * and DELIVERED. The original kept one state machine and wrote the state of each order back to
 * its row in a listener; here the state is a column of the order, and a transition is one
 * transaction that checks, changes and records it.
 */
@SpringBootApplication
@PropertySource("classpath:persist.properties")
public class PersistApplication {

	public static void main(String[] args) {
		SpringApplication.run(PersistApplication.class, args);
	}

	/** The operator who reads and fires orders through the HTTP API and the console. */
	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("operator").password("{noop}password").roles("OPERATOR").build());
	}

}
