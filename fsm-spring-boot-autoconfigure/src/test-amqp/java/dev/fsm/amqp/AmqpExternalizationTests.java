package dev.fsm.amqp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.EntityRef;
import dev.fsm.Transitions;
import dev.fsm.amqp.consumer.ConsumerApplication;
import dev.fsm.amqp.publisher.Invoice;
import dev.fsm.amqp.publisher.InvoiceRepository;
import dev.fsm.amqp.publisher.PublisherApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reliable side effects across services, on the real RabbitMQ (127.0.0.1:5672) and
 * PostgreSQL ({@code -Pdb-postgres} only): a publishing application sends each
 * {@code TransitionCompleted} through Spring Modulith's event publication registry on
 * PostgreSQL (a transactional listener that completes once the broker confirmed), a
 * second application consumes it from a durable queue. The consumer stops and the
 * publisher loses the broker in between: nothing is lost, and a message delivered twice
 * is handled once (the consumer is idempotent by the record's identity). Off on any other
 * database: a later run of another profile in the same target directory may still hold
 * its compiled classes, without the RabbitMQ client on its class path.
 */
@EnabledIfSystemProperty(named = "spring.datasource.url", matches = ".*jdbc:postgresql.*")
class AmqpExternalizationTests {

	private final String exchange = "fsm-test-" + UUID.randomUUID();

	private final String queue = "fsm-test-transitions-" + UUID.randomUUID();

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	@BeforeEach
	void noTransitionHandledYet() {
		ConsumerApplication.HANDLED.clear();
		ConsumerApplication.HANDLED_IN_ORDER.clear();
		ConsumerApplication.DUPLICATES.set(0);
		ConsumerApplication.LAST_BODY.set(null);
	}

	@AfterEach
	void stopAndRemoveTheTopology() {
		ConfigurableApplicationContext consumer = consumer();
		RabbitAdmin admin = new RabbitAdmin(consumer.getBean(RabbitTemplate.class));
		admin.deleteQueue(this.queue);
		admin.deleteExchange(this.exchange);
		this.running.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void nothingIsLostWhenTheConsumerStopsOrThePublisherLosesTheBrokerAndADuplicateIsHandledOnce() {
		ConfigurableApplicationContext consumer = consumer();
		ConfigurableApplicationContext publisher = publisher(5672, false);
		publisher.getBean(JdbcTemplate.class)
			.update("delete from event_publication where serialized_event like '%\"entityType\":\"AmqpInvoice\"%'");
		Transitions transitions = publisher.getBean(Transitions.class);
		Long first = publisher.getBean(InvoiceRepository.class).save(new Invoice()).getId();

		transitions.fire(EntityRef.of(Invoice.class, first), "send");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ConsumerApplication.HANDLED_IN_ORDER).containsExactly("send " + first));

		// the consumer stops: the broker keeps what is published meanwhile in the durable
		// queue
		stop(consumer);
		transitions.fire(EntityRef.of(Invoice.class, first), "pay");
		assertThat(incomplete(publisher)).as("sent to the broker").isZero();
		stop(publisher);

		// the publisher cannot reach the broker: the transition commits, its publication
		// stays incomplete
		publisher = publisher(1, false);
		Long second = publisher.getBean(InvoiceRepository.class).save(new Invoice()).getId();
		publisher.getBean(Transitions.class).fire(EntityRef.of(Invoice.class, second), "send");
		assertThat(publisher.getBean(JdbcTemplate.class)
			.queryForObject("select state from amqp_invoice where id = ?", String.class, second)).isEqualTo("SENT");
		assertThat(incomplete(publisher)).isEqualTo(1);
		stop(publisher);

		// both come back: the queue delivers what waited, the registry republishes what
		// was not sent
		consumer = consumer();
		publisher = publisher(5672, true);
		ConfigurableApplicationContext republished = publisher;
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(ConsumerApplication.HANDLED_IN_ORDER).containsExactly("send " + first,
					"pay " + first, "send " + second));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(incomplete(republished)).isZero());

		// at least once: the same record delivered again is recognised and not handled
		// twice
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		publisher.getBean(RabbitTemplate.class)
			.send(this.exchange, "AmqpInvoice.state", new Message(ConsumerApplication.LAST_BODY.get(), properties));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ConsumerApplication.DUPLICATES).hasValue(1));
		assertThat(ConsumerApplication.HANDLED).hasSize(3);
		assertThat(ConsumerApplication.HANDLED_IN_ORDER).hasSize(3);
	}

	private static int incomplete(ConfigurableApplicationContext publisher) {
		return publisher.getBean(JdbcTemplate.class)
			.queryForObject("select count(*) from event_publication where completion_date is null"
					+ " and serialized_event like '%\"entityType\":\"AmqpInvoice\"%'", Integer.class);
	}

	private ConfigurableApplicationContext consumer() {
		for (ConfigurableApplicationContext context : this.running) {
			if (context.isActive() && context.containsBean("consumer")) {
				return context;
			}
		}
		// another service: it owns no table of the publisher's (create-drop would drop
		// them)
		return start(ConsumerApplication.class, "--spring.rabbitmq.port=5672", "--spring.jpa.hibernate.ddl-auto=none",
				"--fsm.audit.enabled=false");
	}

	private ConfigurableApplicationContext publisher(int port, boolean republish) {
		return start(PublisherApplication.class, "--spring.rabbitmq.port=" + port,
				"--spring.jpa.hibernate.ddl-auto=update",
				"--spring.modulith.events.jdbc.schema-initialization.enabled=true",
				"--spring.modulith.events.republish-outstanding-events-on-restart=" + republish,
				"--spring.rabbitmq.listener.simple.auto-startup=false",
				"--spring.rabbitmq.publisher-confirm-type=simple", "--spring.rabbitmq.connection-timeout=2s");
	}

	private ConfigurableApplicationContext start(Class<?> application, String... more) {
		List<String> args = new ArrayList<>(List.of("--amqp-test.exchange=" + this.exchange,
				"--amqp-test.queue=" + this.queue, "--spring.rabbitmq.host=127.0.0.1",
				"--spring.rabbitmq.username=guest", "--spring.rabbitmq.password=guest",
				"--spring.autoconfigure.exclude=org.springframework.modulith.moments.autoconfigure.MomentsAutoConfiguration,"
						+ "org.springframework.modulith.core.config.ApplicationModuleInitializerRuntimeVerification"));
		args.addAll(List.of(more));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
		this.running.add(context);
		return context;
	}

	private void stop(ConfigurableApplicationContext context) {
		context.close();
		this.running.remove(context);
	}

}
