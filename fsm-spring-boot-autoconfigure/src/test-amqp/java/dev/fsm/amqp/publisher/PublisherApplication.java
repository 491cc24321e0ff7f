package dev.fsm.amqp.publisher;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.fsm.TransitionCompleted;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes every {@link TransitionCompleted} of its invoices to a RabbitMQ exchange,
 * through Spring Modulith's event publication registry: recorded in the transition's
 * transaction, sent after the commit, and marked completed only once the broker confirmed
 * it; a send that failed stays incomplete and is sent again. This is what Modulith's
 * {@code spring-modulith-events-amqp} externalizer does (a transactional listener the
 * registry records), written out.
 */
@SpringBootApplication
public class PublisherApplication {

	@Bean
	JacksonJsonMessageConverter jsonMessages(JsonMapper json) {
		return new JacksonJsonMessageConverter(json);
	}

	@Bean
	TransitionsToRabbit transitionsToRabbit(RabbitTemplate rabbit, @Value("${amqp-test.exchange}") String exchange) {
		return new TransitionsToRabbit(rabbit, exchange);
	}

	public static class TransitionsToRabbit {

		private final RabbitTemplate rabbit;

		private final String exchange;

		TransitionsToRabbit(RabbitTemplate rabbit, String exchange) {
			this.rabbit = rabbit;
			this.exchange = exchange;
		}

		/**
		 * Returns once the broker confirmed the message; throws (and stays incomplete)
		 * otherwise.
		 */
		@TransactionalEventListener
		public void send(TransitionCompleted event) {
			this.rabbit.invoke((operations) -> {
				operations.convertAndSend(this.exchange, event.workflow(), event);
				operations.waitForConfirmsOrDie(10_000);
				return null;
			});
		}

	}

}
