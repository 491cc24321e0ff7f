package dev.fsm.observation;

import io.micrometer.observation.tck.TestObservationRegistry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application with one workflow entity, {@link Payment}, whose observations go to a
 * {@link TestObservationRegistry}.
 */
@SpringBootApplication
public class ObservationTestApplication {

	@Bean
	TestObservationRegistry observationRegistry() {
		return TestObservationRegistry.create();
	}

}
