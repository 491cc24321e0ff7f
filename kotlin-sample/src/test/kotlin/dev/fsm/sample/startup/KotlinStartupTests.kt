package dev.fsm.sample.startup

import dev.fsm.Transitions
import dev.fsm.WorkflowDefinitionException
import dev.fsm.sample.startup.dataclass.Memo
import dev.fsm.sample.startup.dataclass.MemoState
import dev.fsm.sample.startup.overloads.Door
import dev.fsm.sample.startup.overloads.DoorFlow
import dev.fsm.sample.startup.overloads.DoorState
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.ExtendWith
import org.springframework.boot.test.context.runner.ApplicationContextRunner
import org.springframework.boot.test.system.CapturedOutput
import org.springframework.boot.test.system.OutputCaptureExtension
import kotlin.reflect.KClass

/**
 * The dangerous or confusing Kotlin declarations fail the start-up with one message each, in
 * Kotlin's words, naming the fix; no follow-on error after a rejected transition.
 */
@ExtendWith(OutputCaptureExtension::class)
class KotlinStartupTests {

    private fun problems(application: KClass<*>): List<String> {
        var problems: List<String> = emptyList()
        ApplicationContextRunner().withUserConfiguration(application.java).run { context ->
            assertThat(context).hasFailed()
            assertThat(context.startupFailure).rootCause().isInstanceOf(WorkflowDefinitionException::class.java)
            problems = (rootCause(context.startupFailure!!) as WorkflowDefinitionException).problems
        }
        return problems
    }

    private fun rootCause(failure: Throwable): Throwable = generateSequence(failure) { it.cause }.last()

    @Test
    fun `suspend transitions are refused, on entities and on flow beans`() {
        val why = "is a suspend function; a transition runs its checks, its body and the save in one transaction" +
            " on the calling thread, and a suspend function would leave that transaction at its first suspension" +
            " point (the rest of the body would run outside it and not be saved): declare it without suspend, and do" +
            " the suspending work before firing the transition or in a @TransactionalEventListener after the commit"
        assertThat(problems(SuspendingApplication::class)).containsExactlyInAnyOrder(
            "@Transition method Job.start() $why",
            "@Transition method JobFlow.finish() $why",
        )
    }

    @Test
    fun `a final entity class says to enable all-open for jakarta persistence Entity, and nothing follows`() {
        assertThat(problems(FinalClassApplication::class)).containsExactly(
            "Workflow entity Invoice is a final Kotlin class, so transitions.on(entity) cannot proxy it to intercept" +
                " its @Transition functions cancel(), pay(); Kotlin classes and functions are final unless opened:" +
                " enable the all-open compiler plugin for jakarta.persistence.Entity, jakarta.persistence.MappedSuperclass" +
                " and jakarta.persistence.Embeddable (the jpa plugin adds constructors, it does not open classes), or" +
                " declare the class and these functions open",
        )
    }

    @Test
    fun `a final function of an open entity class says so in Kotlin's words`() {
        assertThat(problems(FinalFunctionApplication::class)).containsExactly(
            "@Transition method Parcel.deliver() is final; a @Transition method must be an overridable instance" +
                " method so that it can be intercepted (Kotlin functions are final unless declared open or opened by" +
                " a compiler plugin: enable all-open for jakarta.persistence.Entity)",
        )
    }

    @Test
    fun `a null initial state after the jpa plugin's constructor names invokeInitializers`() {
        assertThat(problems(NoInitializersApplication::class)).containsExactly(
            "Workflow 'Order.state': the state field state is null on a new Order, whose no-argument constructor" +
                " the Kotlin jpa (no-arg) compiler plugin generated: it skips property initializers unless its option" +
                " invokeInitializers is on (Maven: <option>jpa:invokeInitializers=true</option>; Gradle: noArg {" +
                " invokeInitializers = true }); turn it on or declare @StateField(initial = ..)",
        )
    }

    @Test
    fun `a val state field is refused`() {
        assertThat(problems(ValStateApplication::class)).containsExactly(
            "Workflow 'Ticket.state': the state field state of Ticket is a val, and transitions change it: declare" +
                " it var state = .. with a protected setter (protected set), so that only transitions change it",
        )
    }

    @Test
    fun `a flow bean function with @JvmOverloads is one transition, which its overloads fire once`() {
        ApplicationContextRunner().withUserConfiguration(OverloadsApplication::class.java).run { context ->
            assertThat(context).hasNotFailed()
            val transitions = context.getBean(Transitions::class.java)
            val flow = context.getBean(DoorFlow::class.java)
            assertThat(transitions.workflow(Door::class.java).transitionNames()).containsExactlyInAnyOrder("open", "shut")
            val fromJava = Door()
            val byName = Door()

            // what a Java caller calls: the generated overload shut(Door), which calls shut(Door, String, boolean)
            val javaResult = DoorFlow::class.java.getMethod("shut", Door::class.java).invoke(flow, fromJava)
            val byNameResult = transitions.fire(byName, "shut", "wind", false)

            assertThat(javaResult).isEqualTo("draught")
            assertThat(byNameResult).isEqualTo("wind!")
            for (door in listOf(fromJava, byName)) {
                assertThat(door.state).isEqualTo(DoorState.CLOSED)
                assertThat(transitions.history(door).map { it.transition() }).containsExactly("shut")
            }
        }
    }

    @Test
    fun `a data class entity works, with a warning why it should not be one`(output: CapturedOutput) {
        ApplicationContextRunner().withUserConfiguration(DataClassApplication::class.java).run { context ->
            assertThat(context).hasNotFailed()
            val transitions = context.getBean(Transitions::class.java)
            val memo = Memo("hello")
            val hashBefore = memo.hashCode()

            transitions.on(memo).send()

            assertThat(memo.state).isEqualTo(MemoState.SENT)
            assertThat(memo.hashCode()).isNotEqualTo(hashBefore)
            assertThat(setOf(memo.copy(state = MemoState.DRAFT)).contains(memo)).isFalse()
        }
        assertThat(output).contains(
            "Workflow entity Memo is a Kotlin data class: equals() and hashCode() compare its constructor properties," +
                " which change during its life (the state with every transition, when it is one of them), so a Memo" +
                " gets lost in a HashSet or as a map key, while JPA entities need an identity that does not change;" +
                " declare it as a regular class",
        )
        assertThat(output).doesNotContain("CglibAopProxy")
    }

}
