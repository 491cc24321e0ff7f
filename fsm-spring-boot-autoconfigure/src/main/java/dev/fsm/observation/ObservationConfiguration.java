package dev.fsm.observation;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fsm.TransitionObservationConvention;

/**
 * The beans of this package: the {@link ObservationTransitionObserver}. Imported by the
 * auto-configuration, which decides whether it applies.
 * <p>
 * Package-private like the beans' types: the auto-configuration imports it by name.
 */
@Configuration(proxyBeanMethods = false)
final class ObservationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationTransitionObserver fsmTransitionObserver(ObservationRegistry observationRegistry,
			ObjectProvider<TransitionObservationConvention> convention) {
		return new ObservationTransitionObserver(observationRegistry, convention.getIfUnique());
	}

}
