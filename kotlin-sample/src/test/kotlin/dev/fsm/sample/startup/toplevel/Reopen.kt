package dev.fsm.sample.startup.toplevel

import dev.fsm.Transition

/** A top-level extension function: Kotlin calls it directly, so nothing would check it. */
@Transition(source = ["CLOSED"], target = ["OPEN"])
fun Incident.reopen() {
}
