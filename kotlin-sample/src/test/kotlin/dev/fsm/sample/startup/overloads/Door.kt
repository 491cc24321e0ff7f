package dev.fsm.sample.startup.overloads

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version
import org.springframework.stereotype.Service

enum class DoorState { OPEN, CLOSED }

@Entity
class Door {

    @Id
    @GeneratedValue
    var id: Long? = null

    @Version
    var version: Long? = null

    @StateField
    @Enumerated(EnumType.STRING)
    var state: DoorState = DoorState.OPEN
        protected set

    var note: String? = null

    @Transition(source = ["CLOSED"], target = ["OPEN"])
    fun open() {
    }

}

/** A flow bean whose transition has overloads for Java callers: shut(door) and shut(door, reason). */
@Service
class DoorFlow {

    @JvmOverloads
    @Transition(source = ["OPEN"], target = ["CLOSED"])
    fun shut(door: Door, reason: String = "draught", quietly: Boolean = true): String {
        door.note = if (quietly) reason else "$reason!"
        return door.note!!
    }

}
