package dev.fsm.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.fsm.TransitionObservationConvention;
import dev.fsm.observation.ObservationTransitionObserver;
import dev.fsm.spi.TransitionObserver;

/**
 * Auto-configuration of Micrometer observations of transitions: an
 * {@link ObservationTransitionObserver} when the application has an
 * {@link ObservationRegistry}, using a {@link TransitionObservationConvention} bean if
 * there is one. Without a registry there is no observer and transitions run unobserved.
 * Other {@link TransitionObserver} beans (an application's own, the test coverage of
 * fsm-spring-boot-starter-test) wrap the attempt beside it; only an
 * {@link ObservationTransitionObserver} bean of the application replaces it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
public final class FsmObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationTransitionObserver fsmTransitionObserver(ObservationRegistry observationRegistry,
			ObjectProvider<TransitionObservationConvention> convention) {
		return new ObservationTransitionObserver(observationRegistry, convention.getIfUnique());
	}

}
