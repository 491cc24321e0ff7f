package dev.fsm.amqp.consumer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Another service: consumes the transitions from its durable queue and handles each once,
 * by the identity of the record (entity, workflow, transition and time), however often it
 * is delivered.
 */
@SpringBootApplication
public class ConsumerApplication {

	/**
	 * What the consumer handled, kept across its restarts as a database would keep it.
	 */
	public static final Set<String> HANDLED = ConcurrentHashMap.newKeySet();

	public static final List<String> HANDLED_IN_ORDER = new CopyOnWriteArrayList<>();

	public static final AtomicInteger DUPLICATES = new AtomicInteger();

	/** The last message body received, as it came. */
	public static final AtomicReference<byte[]> LAST_BODY = new AtomicReference<>();

	@Bean
	Declarables topology(@Value("${amqp-test.exchange}") String exchange, @Value("${amqp-test.queue}") String queue) {
		TopicExchange topic = new TopicExchange(exchange, true, false);
		Queue durable = new Queue(queue, true);
		Binding binding = BindingBuilder.bind(durable).to(topic).with("#");
		return new Declarables(topic, durable, binding);
	}

	@Bean
	Consumer consumer(JsonMapper json) {
		return new Consumer(json);
	}

	public static class Consumer {

		private final JsonMapper json;

		Consumer(JsonMapper json) {
			this.json = json;
		}

		@RabbitListener(queues = "${amqp-test.queue}")
		public void on(Message message) {
			LAST_BODY.set(message.getBody());
			@SuppressWarnings("unchecked")
			Map<String, Object> event = this.json.readValue(message.getBody(), Map.class);
			String id = event.get("entityType") + "#" + event.get("entityId") + " " + event.get("workflow") + "."
					+ event.get("transition") + " at " + event.get("at");
			if (HANDLED.add(id)) {
				HANDLED_IN_ORDER.add(event.get("transition") + " " + event.get("entityId"));
			}
			else {
				DUPLICATES.incrementAndGet();
			}
		}

	}

}
