package dev.fsm.sample.startup.noreflect

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version

enum class NoteState { DRAFT, FILED }

@Entity
class Note {

    @Id
    @GeneratedValue
    var id: Long? = null

    @Version
    var version: Long? = null

    @StateField
    @Enumerated(EnumType.STRING)
    var state: NoteState = NoteState.DRAFT
        protected set

    @Transition(source = ["DRAFT"], target = ["FILED"])
    internal fun file() {
    }

}
