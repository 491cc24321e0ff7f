package dev.fsm.operations.metrics;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.fsm.test.MutableClock;

/**
 * Shipments (with {@code @StateChangedAt}) and claims (without: the audit trail tells),
 * on a clock the tests move.
 */
@SpringBootApplication
public class MetricsApplication {

	static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	@Bean
	Clock clock() {
		return new MutableClock(START);
	}

}
