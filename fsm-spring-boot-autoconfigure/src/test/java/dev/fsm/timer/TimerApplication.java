package dev.fsm.timer;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionCompleted;
import dev.fsm.test.MutableClock;

/**
 * An application with one timed workflow ({@link Review}), a clock the tests move, and a
 * meter registry.
 */
@SpringBootApplication
public class TimerApplication {

	/** When the tests' time begins. */
	static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	@Bean
	MutableClock clock() {
		return new MutableClock(START);
	}

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	Events events() {
		return new Events();
	}

	/**
	 * The events of transitions, as "Pre timeOut by system", "Post ..", "Completed ..".
	 */
	static class Events {

		final List<String> published = new CopyOnWriteArrayList<>();

		final List<TransitionCompleted> completed = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PreTransitionEvent<?> event) {
			this.published.add("Pre " + event.getTransition() + " by " + event.getActor());
		}

		@EventListener
		void on(PostTransitionEvent<?> event) {
			this.published.add("Post " + event.getTransition() + " by " + event.getActor());
		}

		@EventListener
		void on(TransitionCompleted event) {
			this.published.add("Completed " + event.transition() + " by " + event.actor());
			this.completed.add(event);
		}

	}

}
