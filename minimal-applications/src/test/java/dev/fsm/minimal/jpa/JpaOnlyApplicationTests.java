package dev.fsm.minimal.jpa;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.ClassUtils;

import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the starter and spring-boot-starter-data-jpa only starts, fires a transition
 * and writes its audit record: no optional library is needed.
 */
@SpringBootTest(classes = JpaOnlyApplication.class)
class JpaOnlyApplicationTests {

	@Autowired
	Transitions transitions;

	@Autowired
	TicketRepository tickets;

	@Test
	void theClassPathHasNoWebSecurityMicrometerModulithNorSpringdoc() {
		for (String absent : List.of("org.springframework.web.servlet.DispatcherServlet",
				"org.springframework.web.context.WebApplicationContext",
				"org.springframework.security.core.Authentication", "io.micrometer.core.instrument.MeterRegistry",
				"org.springframework.modulith.events.EventPublication", "org.springdoc.core.models.GroupedOpenApi",
				"tools.jackson.databind.ObjectMapper", "jakarta.validation.Validator")) {
			assertThat(ClassUtils.isPresent(absent, null)).as(absent).isFalse();
		}
	}

	@Test
	void firesATransitionAndWritesItsAuditRecord() {
		Ticket ticket = this.tickets.save(new Ticket());
		this.transitions.on(ticket).close();
		assertThat(this.tickets.findById(ticket.getId())).get()
			.extracting(Ticket::getState)
			.isEqualTo(TicketState.CLOSED);
		List<TransitionRecord> history = this.transitions.history(ticket);
		assertThat(history).singleElement().satisfies((record) -> {
			assertThat(record.transition()).isEqualTo("close");
			assertThat(record.sourceState()).isEqualTo("OPEN");
			assertThat(record.targetState()).isEqualTo("CLOSED");
		});
	}

}
