package dev.fsm.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.AutoConfigureDataJpa;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Annotation for a test of workflows that starts only what transitions need: JPA with the
 * application's entities and repositories on an embedded database (replacing any
 * configured {@code DataSource}), the transition engine, the audit trail, workflow
 * diagrams, and Spring Security's test support ({@code @WithMockUser},
 * {@code @WithUserDetails}). Nothing of the web layer starts.
 * <p>
 * Components are limited to flow beans (classes with {@code @Transition} methods) and
 * implementations of {@code UserDetailsService} and {@code PermissionEvaluator}; add
 * others (a policy bean a guard calls with {@code @policy.check(..)}, an event listener)
 * with {@link #includeFilters()} or {@code @Import}.
 * <p>
 * Unlike {@code @DataJpaTest}, a workflow test is not transactional: each transition runs
 * in its own transaction and commits, as in the application, so that
 * {@code @TransactionalEventListener}s run after commit and the audit trail holds what
 * was committed. Annotate the test {@code @Transactional} to have every transition join
 * the test's transaction and roll back at the end instead.
 *
 * @since 0.2.0
 * @see AutoConfigureWorkflow
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(WorkflowTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(WorkflowTypeExcludeFilter.class)
@AutoConfigureDataJpa
@AutoConfigureTestDatabase
@AutoConfigureWorkflow
@ImportAutoConfiguration
public @interface WorkflowTest {

	/**
	 * Properties in the form {@literal key=value} to add to the Spring
	 * {@link Environment} before the test runs.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Whether flow beans, {@code UserDetailsService}s and {@code PermissionEvaluator}s of
	 * the application are included.
	 * @return whether the default filters apply
	 */
	boolean useDefaultFilters() default true;

	/**
	 * Filters that add components the slice would leave out.
	 * @return include filters to apply
	 */
	Filter[] includeFilters() default {};

	/**
	 * Filters that leave out components the slice would include.
	 * @return exclude filters to apply
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configurations to leave out of this test.
	 * @return the auto-configurations to exclude
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
