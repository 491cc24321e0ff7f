package dev.fsm.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

import dev.fsm.EntityRef;
import dev.fsm.TransitionCompleted;
import dev.fsm.Transitions;
import dev.fsm.events.EventsApplication.Mailer;
import dev.fsm.events.Ticket.Resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Side effects that survive a failing listener and a stopped application: with Spring
 * Modulith's JDBC event publication registry on the application's database (H2 here), the
 * {@link TransitionCompleted} of a transition is recorded in the transition's transaction
 * for each transactional listener, and delivered again until the listener completes.
 */
class ReliableSideEffectTests {

	private static final String MAIL = "To ada@example.com: ticket %d CLOSED by anonymous"
			+ " {resolution=WONT_FIX, comment=works as designed}";

	@Test
	void aListenerThatFailedIsRedeliveredAndTheMailGoesOutOnceItSucceeds() {
		try (ConfigurableApplicationContext application = start(newDatabase(), 1)) {
			Transitions transitions = application.getBean(Transitions.class);
			Mailer mailer = application.getBean(Mailer.class);
			JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
			Ticket ticket = application.getBean(TicketRepository.class).save(new Ticket("ada@example.com"));

			transitions.fire(EntityRef.of(Ticket.class, ticket.getId()), "close", Resolution.WONT_FIX,
					"works as designed", null);

			assertThat(mailer.attempts()).isEqualTo(1);
			assertThat(mailer.sent()).isEmpty();
			assertThat(application.getBean(EventsApplication.Notifier.class).notified())
				.as("the listener of the event with the entity ran after the commit, unrecorded")
				.containsExactly("close ada@example.com");
			assertThat(application.getBean(TicketRepository.class).findById(ticket.getId()).orElseThrow().getState())
				.as("the transition committed all the same")
				.isEqualTo("CLOSED");
			assertThat(publications(jdbc)).singleElement().satisfies((publication) -> {
				assertThat(publication.get("event_type")).isEqualTo(TransitionCompleted.class.getName());
				assertThat(publication.get("completion_date")).isNull();
				assertThat((String) publication.get("serialized_event")).contains("\"transition\":\"close\"",
						"\"entityId\":\"" + ticket.getId() + "\"", "\"resolution\":\"WONT_FIX\"");
			});

			application.getBean(IncompleteEventPublications.class).resubmitIncompletePublications((p) -> true);

			assertThat(mailer.attempts()).isEqualTo(2);
			assertThat(mailer.sent()).containsExactly(MAIL.formatted(ticket.getId()));
			assertThat(publications(jdbc)).singleElement()
				.satisfies((publication) -> assertThat(publication.get("completion_date")).isNotNull());

			application.getBean(IncompleteEventPublications.class).resubmitIncompletePublications((p) -> true);
			assertThat(mailer.sent()).as("a completed publication is not delivered again").hasSize(1);
		}
	}

	@Test
	void aPublicationIncompleteWhenTheApplicationStoppedIsCompletedByTheNextOne() {
		String database = newDatabase();
		long ticketId;
		try (ConfigurableApplicationContext stopping = start(database, Integer.MAX_VALUE)) {
			Ticket ticket = stopping.getBean(TicketRepository.class).save(new Ticket("ada@example.com"));
			ticketId = ticket.getId();
			stopping.getBean(Transitions.class)
				.fire(EntityRef.of(Ticket.class, ticketId), "close", Resolution.WONT_FIX, "works as designed", null);
			assertThat(stopping.getBean(Mailer.class).sent()).isEmpty();
			assertThat(publications(stopping.getBean(JdbcTemplate.class))).singleElement()
				.satisfies((publication) -> assertThat(publication.get("completion_date")).isNull());
		}

		try (ConfigurableApplicationContext restarted = start(database, 0,
				"--spring.modulith.events.republish-outstanding-events-on-restart=true")) {
			Mailer mailer = restarted.getBean(Mailer.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(mailer.sent()).containsExactly(MAIL.formatted(ticketId)));
			assertThat(publications(restarted.getBean(JdbcTemplate.class))).singleElement()
				.satisfies((publication) -> assertThat(publication.get("completion_date")).isNotNull());
		}
	}

	/** A named in-memory database that outlives the application contexts using it. */
	private static String newDatabase() {
		return "jdbc:h2:mem:events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	private static ConfigurableApplicationContext start(String url, int failures, String... arguments) {
		List<String> args = new java.util.ArrayList<>(List.of("--spring.datasource.url=" + url,
				"--spring.datasource.username=sa", "--spring.datasource.password=",
				"--spring.jpa.hibernate.ddl-auto=update",
				"--spring.modulith.events.jdbc.schema-initialization.enabled=true",
				"--events-test.failures=" + failures,
				// the registry is on for this application: only the parts of Modulith it
				// does not use stay off
				"--spring.autoconfigure.exclude=org.springframework.modulith.moments.autoconfigure.MomentsAutoConfiguration,"
						+ "org.springframework.modulith.core.config.ApplicationModuleInitializerRuntimeVerification"));
		args.addAll(List.of(arguments));
		return new SpringApplicationBuilder(EventsApplication.class).web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
	}

	private static List<Map<String, Object>> publications(JdbcTemplate jdbc) {
		return jdbc.queryForList("select event_type, serialized_event, completion_date from event_publication");
	}

}
