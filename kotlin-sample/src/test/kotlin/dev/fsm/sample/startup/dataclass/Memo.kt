package dev.fsm.sample.startup.dataclass

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version

enum class MemoState { DRAFT, SENT }

/** What not to do: a data class as an entity, its state a constructor property. */
@Entity
data class Memo(
    var text: String = "",
    @StateField
    @Enumerated(EnumType.STRING)
    var state: MemoState = MemoState.DRAFT,
) {

    @Id
    @GeneratedValue
    var id: Long? = null

    @Version
    var version: Long? = null

    @Transition(source = ["DRAFT"], target = ["SENT"])
    fun send() {
    }

}
