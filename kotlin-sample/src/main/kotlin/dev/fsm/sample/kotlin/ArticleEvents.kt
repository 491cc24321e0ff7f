package dev.fsm.sample.kotlin

import dev.fsm.PostTransitionEvent
import dev.fsm.PreTransitionEvent
import org.springframework.context.event.EventListener
import org.springframework.stereotype.Component
import org.springframework.transaction.event.TransactionalEventListener
import java.util.concurrent.CopyOnWriteArrayList

/** Listeners written in Kotlin: what the events say, in the order they came. */
@Component
class ArticleEvents {

    /** Every event as `phase transition SOURCE->TARGET [arguments] = result`. */
    val log: MutableList<String> = CopyOnWriteArrayList()

    @EventListener
    fun before(event: PreTransitionEvent<Article>) {
        log += "pre ${event.transition} ${event.sourceState}->${event.targetState} ${event.arguments}"
    }

    @TransactionalEventListener
    fun committed(event: PostTransitionEvent<Article>) {
        log += "committed ${event.transition} ${event.sourceState}->${event.targetState} ${event.arguments}" +
            " = ${event.result}"
    }

}
