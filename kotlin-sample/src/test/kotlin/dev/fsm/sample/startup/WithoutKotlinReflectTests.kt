package dev.fsm.sample.startup

import dev.fsm.WorkflowDefinitionException
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.springframework.boot.test.context.runner.ApplicationContextRunner
import org.springframework.util.ClassUtils

/**
 * Run without kotlin-reflect on the classpath (a surefire execution of its own): a Kotlin
 * workflow then fails the start-up with a message that says what to add, instead of working with
 * the JVM's mangled names, no default arguments and no null checks.
 */
class WithoutKotlinReflectTests {

    @Test
    fun `a Kotlin workflow needs kotlin-reflect, and the start-up says so`() {
        assertThat(ClassUtils.isPresent("kotlin.reflect.full.KClasses", null))
            .describedAs("kotlin-reflect on the classpath: run by the surefire execution without-kotlin-reflect")
            .isFalse()
        ApplicationContextRunner().withUserConfiguration(NoReflectApplication::class.java).run { context ->
            assertThat(context).hasFailed()
            assertThat(context.startupFailure).rootCause()
                .isInstanceOf(WorkflowDefinitionException::class.java)
                .hasMessageContaining(
                    "1. Workflow entity Note is written in Kotlin, and kotlin-reflect is not on the classpath: the" +
                        " names, default arguments and nullability of Kotlin transition functions are read with it, as" +
                        " Spring's Kotlin support reads them; add the dependency org.jetbrains.kotlin:kotlin-reflect",
                )
                .hasMessageNotContaining("2.")
        }
    }

}
