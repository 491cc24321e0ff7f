package dev.fsm.sample.startup.valstate

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version

enum class TicketState { OPEN, CLOSED }

@Entity
class Ticket {

    @Id
    @GeneratedValue
    var id: Long? = null

    @Version
    var version: Long? = null

    /** A val: Kotlin promises it never changes, and a transition would change it. */
    @StateField
    @Enumerated(EnumType.STRING)
    val state: TicketState = TicketState.OPEN

    @Transition(source = ["OPEN"], target = ["CLOSED"])
    fun close() {
    }

}
