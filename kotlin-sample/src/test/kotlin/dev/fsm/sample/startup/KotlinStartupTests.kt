package dev.fsm.sample.startup

import dev.fsm.Transitions
import dev.fsm.WorkflowDefinitionException
import dev.fsm.sample.startup.objectflow.LeaveFlow
import dev.fsm.sample.startup.overloads.Door
import dev.fsm.sample.startup.overloads.DoorFlow
import dev.fsm.sample.startup.overloads.DoorState
import dev.fsm.test.WorkflowChecks
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.springframework.boot.test.context.runner.ApplicationContextRunner
import kotlin.reflect.KClass

/**
 * The dangerous or confusing Kotlin declarations fail the start-up with one message each, in
 * Kotlin's words, naming the fix; no follow-on error after a rejected transition.
 */
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

    private fun nullInitialState(entity: String, type: String) =
        "Workflow '$entity.state': the state field state is null on a new $entity, whose no-argument constructor" +
            " the Kotlin jpa (no-arg) compiler plugin generated: it skips property initializers; declare" +
            " @StateField(initial = ..), or turn on the plugin's option invokeInitializers (Maven:" +
            " <option>jpa:invokeInitializers=true</option>; Gradle: noArg { invokeInitializers = true }) if no" +
            " property initializer of $type reads a constructor parameter declared without val or var (kotlinc" +
            " fails on those)"

    @Test
    fun `a null initial state after the jpa plugin's constructor recommends initial first`() {
        assertThat(problems(NoInitializersApplication::class)).containsExactly(nullInitialState("Order", "Order"))
    }

    @Test
    fun `constructor parameters without val or var get the same advice, which kotlinc can compile`() {
        assertThat(problems(ConstructorParameterApplication::class)).containsExactly(nullInitialState("Book", "Book"))
    }

    @Test
    fun `constructor parameters without val or var work with the initial state declared`() {
        ApplicationContextRunner().withUserConfiguration(DeclaredInitialApplication::class.java).run { context ->
            assertThat(context).hasNotFailed()
            val transitions = context.getBean(Transitions::class.java)
            // compiled after these tests (src/test/kotlin-jpa-only): made through its constructor by reflection
            val type = Class.forName("dev.fsm.sample.startup.ctorinitial.Pamphlet")
            val pamphlet = type.getConstructor(String::class.java).newInstance("On workflows")

            transitions.fire(pamphlet, "print")

            assertThat(transitions.workflow(type).initialState()).isEqualTo("DRAFT")
            assertThat(transitions.state(pamphlet)).isEqualTo("PRINTED")
            assertThat(transitions.history(pamphlet).map { it.transition() }).containsExactly("print")
        }
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
    fun `a data class entity is refused, with the reason`() {
        assertThat(problems(DataClassApplication::class)).containsExactly(
            "Workflow entity Memo is a Kotlin data class: its copy() makes a second Memo with the same @Id and" +
                " @Version, which a save writes over the row without a transition, and equals() and hashCode()" +
                " compare its constructor properties, which change during its life (the state with every" +
                " transition, when it is one of them), so a Memo gets lost in a HashSet or as a map key, while JPA" +
                " entities need an identity that does not change; declare it as a regular class",
        )
    }

    private fun objectFlow(beanName: String) =
        "Flow bean '$beanName' (LeaveFlow) is a Kotlin object: an object is final, so Spring cannot proxy it to" +
            " intercept its @Transition functions approve(), and Kotlin code calls an object directly" +
            " (LeaveFlow.approve(..)), past any proxy, so its transitions would run without their checks, events and" +
            " audit records; declare it a class (@Component class LeaveFlow), which the spring compiler plugin" +
            " opens, and inject it where it is used"

    @Test
    fun `a flow declared as a Kotlin object is refused in Kotlin's words, not by a proxy failure`() {
        assertThat(problems(ObjectFlowApplication::class))
            .containsExactly(objectFlow("dev.fsm.sample.startup.objectflow.LeaveFlow"))
    }

    @Test
    fun `the offline check says the same of a Kotlin object`() {
        assertThat(WorkflowChecks.of(LeaveFlow::class.java).problems()).containsExactly(objectFlow("leaveFlow"))
    }

    private val topLevel = "@Transition function reopen() in Reopen.kt is a top-level function: Kotlin calls it" +
        " directly, where nothing can intercept it, so it would run without the transition's checks, events and" +
        " audit record, and no workflow has it; declare it in class Incident (@Transition fun reopen()) or in a" +
        " flow bean (@Service class .. { @Transition fun reopen(incident: Incident) })"

    @Test
    fun `a top-level transition function is refused at start-up, not ignored`() {
        assertThat(problems(TopLevelFunctionApplication::class)).containsExactly(topLevel)
    }

    @Test
    fun `the offline check says the same of a top-level transition function`() {
        assertThat(WorkflowChecks.ofPackage("dev.fsm.sample.startup.toplevel").problems()).containsExactly(topLevel)
    }

}
