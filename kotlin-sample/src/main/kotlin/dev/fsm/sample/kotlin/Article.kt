package dev.fsm.sample.kotlin

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version

enum class ArticleState { DRAFT, IN_REVIEW, PUBLISHED, REJECTED, ARCHIVED }

/** A label for an article: a value class, passed to the JVM as its text. */
@JvmInline
value class Label(val text: String)

/**
 * An article in an editorial workflow, written as a Kotlin developer would: a regular class
 * (all-open makes it and its functions open for the proxies), constructor properties (the jpa
 * plugin adds the no-argument constructor; with invokeInitializers it also sets the initial state),
 * and a state property that only transitions change (`protected set`).
 */
@Entity
class Article(
    var title: String,
    var author: String,
) {

    @Id
    @GeneratedValue
    var id: Long? = null

    @Version
    var version: Long? = null

    @StateField
    @Enumerated(EnumType.STRING)
    var state: ArticleState = ArticleState.DRAFT
        protected set

    var rejectionReason: String? = null

    var label: String? = null

    @Transition(source = ["DRAFT", "REJECTED"], target = ["IN_REVIEW"], conditions = ["title.length() > 0"])
    fun submit(): String = "Submitted '$title' for review"

    /** Default arguments: `fire(article, "reject")` takes them as `on(article).reject()` does. */
    @Transition(source = ["IN_REVIEW"], target = ["REJECTED"], conditions = ["#reason.length() >= 3"])
    fun reject(reason: String = "does not follow the guidelines", notifyAuthor: Boolean = true) {
        rejectionReason = if (notifyAuthor) reason else "$reason (author not notified)"
    }

    /** An internal function: the JVM calls it archive$kotlin_sample, the workflow calls it archive. */
    @Transition(source = ["PUBLISHED"], target = ["ARCHIVED"])
    internal fun archive() {
    }

    /** A value-class parameter: the JVM method is tag-<hash>(String), the transition is tag. */
    @Transition(source = ["DRAFT", "IN_REVIEW"])
    fun tag(label: Label) {
        this.label = label.text
    }

    /** Overloads for Java callers: withdraw() and withdraw(String) call this function, the transition. */
    @JvmOverloads
    @Transition(source = ["PUBLISHED"], target = ["DRAFT"])
    fun withdraw(reason: String = "withdrawn by the author", notifyReaders: Boolean = false): String =
        if (notifyReaders) "$reason; readers notified" else reason

}
