package dev.fsm.examples.showcase;

import java.util.List;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import dev.fsm.Transitions;

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

	/**
	 * With {@code showcase.demo=true}, a machine in each leaf state to look at in the console
	 * ({@code /fsm}, as {@code operator}, password {@code password}).
	 */
	@Bean
	@ConditionalOnBooleanProperty("showcase.demo")
	ApplicationRunner demoMachines(MachineRepository machines, Transitions transitions) {
		return (arguments) -> transitions.runAs("demo", () -> {
			for (String events : List.of("", "i", "c", "ci", "cc")) {
				Machine machine = machines.save(new Machine());
				for (char event : events.toCharArray()) {
					transitions.fire(machine, String.valueOf(event));
				}
			}
			return null;
		});
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("operator").password("{noop}password").roles("OPERATOR").build());
	}

}
