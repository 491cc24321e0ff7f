package dev.fsm.events;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.EntityRef;
import dev.fsm.Transitions;
import dev.fsm.events.EventsApplication.AfterCommitProbe;
import dev.fsm.events.Ticket.Resolution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A public {@code @TransactionalEventListener} of {@code PostTransitionEvent} with Spring
 * Modulith's event publication registry on the class path: it runs after the commit, and
 * nothing tries to complete a publication the registry never recorded for it (which would
 * serialise the event, entity and all, and log the listener as failed after every
 * commit).
 */
@ExtendWith(OutputCaptureExtension.class)
class AfterCommitListenerTests {

	@Test
	void aPublicAfterCommitListenerOfThePostEventRunsAfterTheCommitAndLogsNoError(CapturedOutput output) {
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(EventsApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=jdbc:h2:mem:after-commit-" + UUID.randomUUID(),
					"--spring.jpa.hibernate.ddl-auto=create-drop",
					"--spring.modulith.events.jdbc.schema-initialization.enabled=true",
					"--spring.autoconfigure.exclude=org.springframework.modulith.moments.autoconfigure.MomentsAutoConfiguration,"
							+ "org.springframework.modulith.core.config.ApplicationModuleInitializerRuntimeVerification")) {
			Transitions transitions = application.getBean(Transitions.class);
			Ticket ticket = application.getBean(TicketRepository.class).save(new Ticket("ada@example.com"));

			transitions.fire(EntityRef.of(Ticket.class, ticket.getId()), "close", Resolution.FIXED, "done", null);
			transitions.fire(EntityRef.of(Ticket.class, ticket.getId()), "reopen");

			assertThat(application.getBean(AfterCommitProbe.class).seen())
				.as("the listener ran after each commit: the transaction had finished and another connection read its state")
				.containsExactly("close: committed CLOSED, synchronizing false",
						"reopen: committed OPEN, synchronizing false");
			assertThat(application.getBean(JdbcTemplate.class)
				.queryForObject("select count(*) from event_publication where event_type like '%PostTransitionEvent'",
						Integer.class))
				.as("no publication of the event with the entity")
				.isZero();
			assertThat(output.getAll()).doesNotContain("failed after the commit")
				.doesNotContain("Direct self-reference")
				.doesNotContain("Leaving event publication uncompleted")
				.doesNotContain(" ERROR ");
		}
	}

}
