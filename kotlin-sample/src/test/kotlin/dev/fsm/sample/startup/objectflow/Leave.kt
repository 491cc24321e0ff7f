package dev.fsm.sample.startup.objectflow

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version
import org.springframework.stereotype.Component

enum class LeaveState { REQUESTED, APPROVED }

@Entity
class Leave {

    @Id
    @GeneratedValue
    var id: Long? = null

    @Version
    var version: Long? = null

    @StateField
    @Enumerated(EnumType.STRING)
    var state: LeaveState = LeaveState.REQUESTED
        protected set

}

/** A flow declared as a Kotlin object: final, and called as LeaveFlow.approve(leave), past any proxy. */
@Component
object LeaveFlow {

    @Transition(source = ["REQUESTED"], target = ["APPROVED"])
    fun approve(leave: Leave) {
    }

}
