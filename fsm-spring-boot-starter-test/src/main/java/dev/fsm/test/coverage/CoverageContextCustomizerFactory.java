package dev.fsm.test.coverage;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the coverage observer to every application context of the Spring TestContext
 * framework ({@code @WorkflowTest}, {@code @SpringBootTest}, other slices), unless
 * {@value CoverageSettings#ENABLED} is {@code false}. Registered in
 * {@code META-INF/spring.factories}; only test JVMs have this module on their class path.
 */
final class CoverageContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return CoverageSettings.enabled() ? new CoverageContextCustomizer() : null;
	}

	/** Equal to every other, so that it does not split Spring's context cache. */
	static final class CoverageContextCustomizer implements ContextCustomizer {

		static final String BEAN_NAME = "fsmTransitionCoverageObserver";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			if (!(context instanceof BeanDefinitionRegistry registry)) {
				return;
			}
			// a factory method, not an instance supplier: the test context's AOT
			// processing can generate it
			RootBeanDefinition definition = new RootBeanDefinition(TransitionCoverageObserver.class);
			definition.setFactoryMethodName("ofThisJvm");
			definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
			definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(BEAN_NAME, definition);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
