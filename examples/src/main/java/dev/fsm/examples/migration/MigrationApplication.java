package dev.fsm.examples.migration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The code of {@code docs/from-spring-statemachine.md} that the three ported samples do not
 * show: an order's fulfilment with a payment and a shipping region, a choice, a timer, an error
 * action, entry and exit actions, and a fork.
 */
@SpringBootApplication
public class MigrationApplication {

	public static void main(String[] args) {
		SpringApplication.run(MigrationApplication.class, args);
	}

}
