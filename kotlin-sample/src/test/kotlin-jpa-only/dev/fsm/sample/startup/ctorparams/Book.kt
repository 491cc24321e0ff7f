package dev.fsm.sample.startup.ctorparams

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version

enum class BookState { DRAFT, PRINTED }

/**
 * A constructor parameter without val or var that an initializer reads: with the jpa plugin's
 * invokeInitializers kotlinc 2.2 fails on it ("No mapping for symbol: VALUE_PARAMETER"), so it
 * is compiled without, and the state reads null on the generated no-argument constructor.
 */
@Entity
open class Book(title: String) {

    @Id
    @GeneratedValue
    open var id: Long? = null

    @Version
    open var version: Long? = null

    open var title: String = title

    @StateField
    @Enumerated(EnumType.STRING)
    open var state: BookState = BookState.DRAFT
        protected set

    @Transition(source = ["DRAFT"], target = ["PRINTED"])
    open fun print() {
    }

}
