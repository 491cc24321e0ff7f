package dev.fsm.sample.startup.toplevel

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version

enum class IncidentState { OPEN, CLOSED }

@Entity
class Incident {

    @Id
    @GeneratedValue
    var id: Long? = null

    @Version
    var version: Long? = null

    @StateField
    @Enumerated(EnumType.STRING)
    var state: IncidentState = IncidentState.OPEN
        protected set

    @Transition(source = ["OPEN"], target = ["CLOSED"])
    fun close() {
    }

}
