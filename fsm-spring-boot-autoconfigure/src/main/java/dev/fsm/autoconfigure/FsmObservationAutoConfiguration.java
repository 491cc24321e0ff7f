package dev.fsm.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

import dev.fsm.TransitionObservationConvention;
import dev.fsm.spi.TransitionObserver;

/**
 * Auto-configuration of Micrometer observations of transitions: an
 * {@code ObservationTransitionObserver} when the application has an
 * {@link ObservationRegistry}, using a {@link TransitionObservationConvention} bean if
 * there is one. Without a registry there is no observer and transitions run unobserved.
 * Other {@link TransitionObserver} beans (an application's own, the test coverage of
 * fsm-spring-boot-starter-test) wrap the attempt beside it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@Import(FsmObservationAutoConfiguration.Packages.class)
public final class FsmObservationAutoConfiguration {

	static final class Packages extends PackageConfigurations {

		Packages() {
			super("dev.fsm.observation.ObservationConfiguration");
		}

	}

}
