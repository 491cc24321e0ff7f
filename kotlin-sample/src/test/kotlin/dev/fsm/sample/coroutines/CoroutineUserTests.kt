package dev.fsm.sample.coroutines

import dev.fsm.CallerLeftBehindException
import dev.fsm.Transitions
import dev.fsm.kotlin.CallerContextElement
import dev.fsm.test.WorkflowAssertions.assertThatEntity
import dev.fsm.test.WorkflowAssertions.user
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatExceptionOfType
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.boot.test.context.SpringBootTest
import org.springframework.security.test.context.support.WithMockUser

/**
 * The user of a transition fired from a coroutine is the caller's, or the transition is refused:
 * the audit trail never records `anonymous` for a call that had a user before a dispatcher
 * switch. The second row, and `runAs` and the assertions as Kotlin writes them.
 */
@SpringBootTest(
    classes = [CoroutinesApplication::class],
    properties = ["spring.datasource.url=jdbc:h2:mem:kotlin-coroutine-users"],
)
class CoroutineUserTests @Autowired constructor(
    private val manuscripts: ManuscriptRepository,
    private val transitions: Transitions,
) {

    private fun draft(): Manuscript = manuscripts.save(Manuscript("On coroutines"))

    private fun stored(manuscript: Manuscript): Manuscript = manuscripts.findById(manuscript.id!!).orElseThrow()

    private fun actors(manuscript: Manuscript): List<Pair<String, String>> =
        transitions.history(manuscript).map { it.transition() to it.actor() }

    @Test
    @WithMockUser("alice")
    fun `withContext(Dispatchers IO) leaves the user behind, so the transition is refused, not recorded as anonymous`() {
        val manuscript = draft()

        for (transition in listOf("submit", "withdraw")) {
            assertThatExceptionOfType(CallerLeftBehindException::class.java)
                .isThrownBy { runBlocking { withContext(Dispatchers.IO) { transitions.fire(manuscript, transition) } } }
                .withMessageMatching(
                    "Transition '$transition' on Manuscript#${manuscript.id} was fired on thread" +
                        " 'DefaultDispatcher-worker-\\d+' by a Kotlin coroutine that carries no user: .*; add" +
                        " CallerContextElement\\(\\) to the coroutine's context to carry the caller's user .*",
                )
        }

        assertThat(stored(manuscript).state).isEqualTo(ManuscriptState.DRAFT)
        assertThat(actors(manuscript)).isEmpty()
    }

    @Test
    @WithMockUser("alice")
    fun `CallerContextElement carries the user to the dispatcher's thread`() {
        val manuscript = draft()

        runBlocking {
            withContext(Dispatchers.IO + CallerContextElement()) { transitions.fire(manuscript, "submit") }
        }

        assertThat(stored(manuscript).state).isEqualTo(ManuscriptState.SUBMITTED)
        assertThat(actors(manuscript)).containsExactly("submit" to "alice")
    }

    @Test
    @WithMockUser("alice")
    fun `a coroutine on the caller's thread keeps the caller's user`() {
        val manuscript = draft()

        runBlocking { transitions.fire(manuscript, "submit") }

        assertThat(actors(manuscript)).containsExactly("submit" to "alice")
    }

    @Test
    fun `runAs takes a Kotlin lambda, whatever it returns, and its user follows CallerContextElement`() {
        val first = draft()
        val second = draft()

        val result: Any? = transitions.runAs("alice") { transitions.fire(first, "submit") }
        val state: String = transitions.runAs("bob") {
            runBlocking {
                withContext(Dispatchers.IO + CallerContextElement()) { transitions.fire(second, "submit") }
            }
            transitions.state(second)!!
        }

        assertThat(result).isNull()
        assertThat(state).isEqualTo("SUBMITTED")
        assertThat(actors(first)).containsExactly("submit" to "alice")
        assertThat(actors(second)).containsExactly("submit" to "bob")
    }

    @Test
    fun `a caller without a user says so by carrying CallerContextElement`() {
        val manuscript = draft()

        runBlocking { withContext(Dispatchers.IO + CallerContextElement()) { transitions.fire(manuscript, "withdraw") } }

        assertThat(actors(manuscript)).containsExactly("withdraw" to "anonymous")
    }

    @Test
    fun `the workflow assertions read without backticks`() {
        val manuscript = draft()

        assertThatEntity(manuscript).isIn(ManuscriptState.DRAFT)
            .asUser(user("alice")).canFire("submit")
        assertThatEntity(manuscript).cannotFire("submit")
    }

}
