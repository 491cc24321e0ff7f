package dev.fsm.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * {@link ImportAutoConfiguration Auto-configuration imports} of the transition engine,
 * the audit trail and diagrams, for test slices of your own; most tests use
 * {@link WorkflowTest @WorkflowTest}, which includes it. The list is in
 * {@code META-INF/spring/dev.fsm.test.autoconfigure.AutoConfigureWorkflow.imports}.
 *
 * @since 0.2.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureWorkflow {

}
