package dev.fsm.sample.startup.ctorinitial

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version

enum class PamphletState { DRAFT, PRINTED }

/** The same style with what the start-up recommends for it: the initial state declared. */
@Entity
open class Pamphlet(title: String) {

    @Id
    @GeneratedValue
    open var id: Long? = null

    @Version
    open var version: Long? = null

    open var title: String = title

    @StateField(initial = "DRAFT")
    @Enumerated(EnumType.STRING)
    open var state: PamphletState = PamphletState.DRAFT
        protected set

    @Transition(source = ["DRAFT"], target = ["PRINTED"])
    open fun print() {
    }

}
