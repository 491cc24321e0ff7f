package dev.fsm.audit.matrix;

import java.time.Instant;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.fsm.test.MutableClock;

/**
 * The application of the step matrix: the entities of this package on the database the
 * build runs against, a clock the tests move, and timers that poll only when the tests
 * ask.
 */
@SpringBootApplication
public class StepMatrixApplication {

	@Bean
	MutableClock clock() {
		return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
	}

}
