package dev.fsm.sample.coroutines

import dev.fsm.EntityRef
import dev.fsm.StateField
import dev.fsm.Transition
import dev.fsm.Transitions
import dev.fsm.kotlin.CallerContextElement
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.springframework.boot.autoconfigure.EnableAutoConfiguration
import org.springframework.context.annotation.Configuration
import org.springframework.context.annotation.Import
import org.springframework.data.jpa.repository.JpaRepository
import org.springframework.stereotype.Service
import org.springframework.transaction.annotation.Transactional
import org.springframework.transaction.support.TransactionTemplate
import kotlin.coroutines.CoroutineContext

enum class ManuscriptState { DRAFT, SUBMITTED, ACCEPTED, WITHDRAWN }

@Entity
class Manuscript(var title: String) {

    @Id
    @GeneratedValue
    var id: Long? = null

    @Version
    var version: Long? = null

    @StateField
    @Enumerated(EnumType.STRING)
    var state: ManuscriptState = ManuscriptState.DRAFT
        protected set

    var note: String? = null

    @Transition(source = ["DRAFT"], target = ["SUBMITTED"], permission = "isAuthenticated()")
    fun submit() {
    }

    @Transition(source = ["SUBMITTED"], target = ["ACCEPTED"])
    fun accept() {
    }

    @Transition(source = ["DRAFT"], target = ["WITHDRAWN"])
    fun withdraw() {
    }

}

interface ManuscriptRepository : JpaRepository<Manuscript, Long>

class EditorialException(message: String) : RuntimeException(message)

/**
 * An editorial desk that calls transitions from coroutines: the ways that left the
 * caller's transaction or user behind, and the ways that work.
 */
@Service
class ManuscriptDesk(
    private val transitions: Transitions,
    private val manuscripts: ManuscriptRepository,
    private val transactions: TransactionTemplate,
) {

    private fun ref(id: Long) = EntityRef.of(Manuscript::class.java, id)

    /** The transaction ended at delay(): the transition would commit alone, and not roll back with the throw. */
    @Transactional
    suspend fun submitAfterSuspending(id: Long) {
        delay(1)
        transitions.fire(ref(id), "submit")
        throw EditorialException("the desk changed its mind")
    }

    /** Before the first suspension point the transaction is there, but it ends at delay(), before the function. */
    @Transactional
    suspend fun submitBeforeSuspending(id: Long) {
        transitions.fire(ref(id), "submit")
        delay(1)
        manuscripts.findById(id).orElseThrow().note = "after the suspension point"
    }

    /**
     * The transaction stays on this thread while the block runs on the dispatcher's; with
     * [carryCaller] the coroutine carries the user, and knows that it left a transaction behind.
     */
    @Transactional
    fun submitOnAnotherThread(id: Long, dispatcher: CoroutineContext, carryCaller: Boolean) {
        runBlocking(if (carryCaller) dispatcher + CallerContextElement() else dispatcher) {
            transitions.fire(ref(id), "submit")
        }
        throw EditorialException("the desk changed its mind")
    }

    /** What works: runBlocking on the calling thread, whose transaction the transition joins. */
    @Transactional
    fun submitWithNote(id: Long, note: String, fail: Boolean) {
        runBlocking {
            delay(1)
            transitions.fire(ref(id), "submit")
        }
        manuscripts.findById(id).orElseThrow().note = note
        if (fail) {
            throw EditorialException("the desk changed its mind")
        }
    }

    /** What works from suspend code: the transactional part, blocking, on Dispatchers.IO, as the caller. */
    suspend fun submitLater(id: Long, note: String, fail: Boolean) {
        delay(1)
        withContext(Dispatchers.IO + CallerContextElement()) {
            transactions.executeWithoutResult {
                transitions.fire(ref(id), "submit")
                manuscripts.findById(id).orElseThrow().note = note
                if (fail) {
                    throw EditorialException("the desk changed its mind")
                }
            }
        }
    }

}

@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ManuscriptDesk::class)
class CoroutinesApplication
