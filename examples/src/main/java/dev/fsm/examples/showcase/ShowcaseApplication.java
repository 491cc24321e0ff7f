package dev.fsm.examples.showcase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Spring Statemachine's {@code showcase} sample, ported: states nested four levels deep and every
 * kind of transition between them. Its leaf states are the states of a {@link Machine}; its
 * parent states are {@link dev.fsm.StateGroup state groups}.
 */
@SpringBootApplication
@PropertySource("classpath:showcase.properties")
public class ShowcaseApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShowcaseApplication.class, args);
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("operator").password("{noop}password").roles("OPERATOR").build());
	}

}
