package dev.fsm.sample.coroutines

import dev.fsm.CallerLeftBehindException
import dev.fsm.Transitions
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.ExecutorCoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatExceptionOfType
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.boot.test.context.SpringBootTest
import org.springframework.security.test.context.support.WithMockUser
import java.util.concurrent.Executors

/**
 * A transition fired from a coroutine commits or rolls back together with its caller, or is
 * refused: never in a transaction of its own behind the caller's back. The first row,
 * each way a Kotlin developer writes it.
 */
@SpringBootTest(
    classes = [CoroutinesApplication::class],
    properties = ["spring.datasource.url=jdbc:h2:mem:kotlin-coroutine-transactions"],
)
@WithMockUser("alice")
class CoroutineTransactionTests @Autowired constructor(
    private val desk: ManuscriptDesk,
    private val manuscripts: ManuscriptRepository,
    private val transitions: Transitions,
) {

    private val editorial: ExecutorCoroutineDispatcher =
        Executors.newSingleThreadExecutor { Thread(it, "editorial") }.asCoroutineDispatcher()

    @AfterEach
    fun closeDispatcher() {
        editorial.close()
    }

    private fun draft(): Manuscript = manuscripts.save(Manuscript("On coroutines"))

    private fun stored(manuscript: Manuscript): Manuscript = manuscripts.findById(manuscript.id!!).orElseThrow()

    private fun assertUnchanged(manuscript: Manuscript) {
        val stored = stored(manuscript)
        assertThat(stored.state).isEqualTo(ManuscriptState.DRAFT)
        assertThat(stored.version).isEqualTo(0L)
        assertThat(stored.note).isNull()
        assertThat(transitions.history(stored)).isEmpty()
    }

    private val suspendAdvice = "a @Transactional suspend function: Spring holds its transaction on one thread and" +
        " ends it at the function's first suspension point, so the transition would not commit or roll back with" +
        " the function; declare it a regular fun and call it from coroutines in withContext(Dispatchers.IO +" +
        " CallerContextElement()) { .. }, or run the transactional part in transactionTemplate.execute { .. }"

    @Test
    fun `a transition after a suspension point of a @Transactional suspend fun is refused, and nothing commits`() {
        val manuscript = draft()

        assertThatExceptionOfType(CallerLeftBehindException::class.java)
            .isThrownBy { runBlocking { desk.submitAfterSuspending(manuscript.id!!) } }
            .withMessage(
                "Transition 'submit' on Manuscript#${manuscript.id} was fired from" +
                    " ManuscriptDesk.submitAfterSuspending(), $suspendAdvice",
            )
        assertUnchanged(manuscript)
    }

    @Test
    fun `a transition before the first suspension point of a @Transactional suspend fun is refused too`() {
        val manuscript = draft()

        assertThatExceptionOfType(CallerLeftBehindException::class.java)
            .isThrownBy { runBlocking { desk.submitBeforeSuspending(manuscript.id!!) } }
            .withMessage(
                "Transition 'submit' on Manuscript#${manuscript.id} was fired from" +
                    " ManuscriptDesk.submitBeforeSuspending(), $suspendAdvice",
            )
        assertUnchanged(manuscript)
    }

    @Test
    fun `runBlocking with a dispatcher inside @Transactional is refused, and the caller rolls back`() {
        val manuscript = draft()

        assertThatExceptionOfType(CallerLeftBehindException::class.java)
            .isThrownBy { desk.submitOnAnotherThread(manuscript.id!!, Dispatchers.IO, carryCaller = false) }
            .withMessageMatching(
                "Transition 'submit' on Manuscript#${manuscript.id} was fired on thread 'DefaultDispatcher-worker-\\d+'" +
                    " by a Kotlin coroutine that carries no user: .*",
            )
        assertThatExceptionOfType(CallerLeftBehindException::class.java)
            .isThrownBy { desk.submitOnAnotherThread(manuscript.id!!, editorial, carryCaller = false) }
            .withMessage(
                "Transition 'submit' on Manuscript#${manuscript.id} was fired on thread 'editorial' by a Kotlin" +
                    " coroutine that carries no user: a dispatcher switch (withContext, launch or runBlocking with a" +
                    " dispatcher) leaves Spring Security's context and any transaction on the caller's thread, so the" +
                    " transition would run as 'anonymous', in a transaction of its own; add CallerContextElement() to" +
                    " the coroutine's context to carry the caller's user (withContext(Dispatchers.IO +" +
                    " CallerContextElement()) { .. }), or name one with transitions.runAs(..) inside the coroutine",
            )
        assertUnchanged(manuscript)
    }

    @Test
    fun `carrying the user does not carry the transaction, so runBlocking with a dispatcher is still refused`() {
        val manuscript = draft()
        val caller = Thread.currentThread().name

        assertThatExceptionOfType(CallerLeftBehindException::class.java)
            .isThrownBy { desk.submitOnAnotherThread(manuscript.id!!, editorial, carryCaller = true) }
            .withMessage(
                "Transition 'submit' on Manuscript#${manuscript.id} was fired on thread 'editorial' by a coroutine" +
                    " that left its caller's transaction open on thread '$caller': a transaction belongs to one" +
                    " thread, so the transition would commit apart from it; run it on the caller's thread" +
                    " (runBlocking without a dispatcher), or begin the transaction inside the coroutine, not around it",
            )
        assertUnchanged(manuscript)
    }

    @Test
    fun `runBlocking on the calling thread joins the caller's transaction, and both commit`() {
        val manuscript = draft()

        desk.submitWithNote(manuscript.id!!, "looks good", fail = false)

        val stored = stored(manuscript)
        assertThat(stored.state).isEqualTo(ManuscriptState.SUBMITTED)
        assertThat(stored.note).isEqualTo("looks good")
        assertThat(transitions.history(stored).map { it.transition() to it.actor() }).containsExactly("submit" to "alice")
    }

    @Test
    fun `runBlocking on the calling thread joins the caller's transaction, and both roll back`() {
        val manuscript = draft()

        assertThatExceptionOfType(EditorialException::class.java)
            .isThrownBy { desk.submitWithNote(manuscript.id!!, "looks good", fail = true) }

        assertUnchanged(manuscript)
    }

    @Test
    fun `from suspend code, a transaction inside withContext with CallerContextElement commits as the caller`() {
        val manuscript = draft()

        runBlocking { desk.submitLater(manuscript.id!!, "looks good", fail = false) }

        val stored = stored(manuscript)
        assertThat(stored.state).isEqualTo(ManuscriptState.SUBMITTED)
        assertThat(stored.note).isEqualTo("looks good")
        assertThat(transitions.history(stored).map { it.transition() to it.actor() }).containsExactly("submit" to "alice")
    }

    @Test
    fun `from suspend code, a transaction inside withContext with CallerContextElement rolls back as one`() {
        val manuscript = draft()

        assertThatExceptionOfType(EditorialException::class.java)
            .isThrownBy { runBlocking { desk.submitLater(manuscript.id!!, "looks good", fail = true) } }

        assertUnchanged(manuscript)
    }

}
