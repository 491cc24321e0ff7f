package dev.fsm.sample.startup.closed

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version

enum class InvoiceState { OPEN, PAID, VOID }

/** Compiled without all-open: a final class with final functions. */
@Entity
class Invoice {

    @Id
    @GeneratedValue
    var id: Long? = null

    @Version
    var version: Long? = null

    @StateField
    @Enumerated(EnumType.STRING)
    var state: InvoiceState = InvoiceState.OPEN

    @Transition(source = ["OPEN"], target = ["PAID"])
    fun pay() {
    }

    @Transition(source = ["OPEN"], target = ["VOID"])
    fun cancel() {
    }

}
