package dev.fsm.sample.startup.finalfunction

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version

enum class ParcelState { PACKED, SENT, DELIVERED }

/** Compiled without all-open: the class is declared open, its transition function `deliver` is not. */
@Entity
open class Parcel {

    @Id
    @GeneratedValue
    open var id: Long? = null

    @Version
    open var version: Long? = null

    @StateField
    @Enumerated(EnumType.STRING)
    open var state: ParcelState = ParcelState.PACKED
        protected set

    @Transition(source = ["PACKED"], target = ["SENT"])
    open fun send() {
    }

    @Transition(source = ["SENT"], target = ["DELIVERED"])
    fun deliver() {
    }

}
