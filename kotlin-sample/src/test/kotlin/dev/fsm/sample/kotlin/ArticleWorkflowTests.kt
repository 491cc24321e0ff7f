package dev.fsm.sample.kotlin

import dev.fsm.EntityRef
import dev.fsm.InvalidTransitionArgumentsException
import dev.fsm.Transitions
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatExceptionOfType
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.boot.test.context.SpringBootTest

/**
 * The Kotlin idioms that the Java-style path did not cover, each one a behaviour: names of
 * internal functions and of functions taking value classes, default arguments, nullability,
 * `@JvmOverloads`, flow beans and listeners.
 */
@SpringBootTest
class ArticleWorkflowTests @Autowired constructor(
    private val transitions: Transitions,
    private val articles: ArticleRepository,
    private val flow: ArticleFlow,
    private val events: ArticleEvents,
) {

    @BeforeEach
    fun clearEvents() {
        events.log.clear()
    }

    private fun newArticle(title: String = "Kotlin and workflows") = articles.save(Article(title, "ada"))

    private fun inReview(): Article = newArticle().also { transitions.fire(it, "submit") }

    private fun published(): Article = inReview().also { flow.publish(it) }

    private fun stored(article: Article): Article = articles.findById(article.id!!).orElseThrow()

    @Test
    fun `a new article starts in the initial state its property declares`() {
        assertThat(transitions.workflow(Article::class.java).initialState()).isEqualTo("DRAFT")
        assertThat(stored(newArticle()).state).isEqualTo(ArticleState.DRAFT)
    }

    @Test
    fun `transitions are named after the Kotlin functions, not their JVM names`() {
        assertThat(transitions.workflow(Article::class.java).transitionNames())
            .containsExactlyInAnyOrder("submit", "reject", "archive", "tag", "withdraw", "publish")
    }

    @Test
    fun `sources and targets are written with Kotlin's array syntax`() {
        val submit = transitions.workflow(Article::class.java).transitions("submit").single()

        assertThat(submit.sources()).containsExactly("DRAFT", "REJECTED")
        assertThat(submit.targets()).containsExactly("IN_REVIEW")
        assertThat(submit.conditions()).containsExactly("title.length() > 0")
    }

    @Test
    fun `an article goes through its workflow the idiomatic way`() {
        val article = newArticle()

        val submitted = transitions.on(article).submit()
        val published = flow.publish(article, editor = "Grace")
        transitions.on(article).archive()

        assertThat(submitted).isEqualTo("Submitted 'Kotlin and workflows' for review")
        assertThat(published).isEqualTo("'Kotlin and workflows' published by Grace")
        assertThat(stored(article).state).isEqualTo(ArticleState.ARCHIVED)
        assertThat(transitions.history(article).map { it.transition() }).containsExactly("archive", "publish", "submit")
    }

    @Test
    fun `an internal function fires by its Kotlin name`() {
        val article = published()

        transitions.fire(article, "archive")

        assertThat(stored(article).state).isEqualTo(ArticleState.ARCHIVED)
        assertThat(events.log.last()).isEqualTo("committed archive PUBLISHED->ARCHIVED [] = null")
    }

    @Test
    fun `a function taking a value class fires by its Kotlin name with the value class`() {
        val article = newArticle()

        transitions.fire(article, "tag", Label("kotlin"))
        transitions.on(article).tag(Label("spring"))

        assertThat(stored(article).label).isEqualTo("spring")
        assertThat(transitions.history(article).map { it.transition() }).containsExactly("tag", "tag")
    }

    @Test
    fun `fire by name takes the default arguments, as a Kotlin call does`() {
        val byName = inReview()
        val typed = inReview()
        events.log.clear()

        transitions.fire(byName, "reject")
        transitions.on(typed).reject()

        assertThat(stored(byName).rejectionReason).isEqualTo("does not follow the guidelines")
        assertThat(stored(typed).rejectionReason).isEqualTo("does not follow the guidelines")
        assertThat(events.log).containsExactly(
            "pre reject IN_REVIEW->REJECTED [does not follow the guidelines, true]",
            "committed reject IN_REVIEW->REJECTED [does not follow the guidelines, true] = null",
            "pre reject IN_REVIEW->REJECTED [does not follow the guidelines, true]",
            "committed reject IN_REVIEW->REJECTED [does not follow the guidelines, true] = null",
        )
    }

    @Test
    fun `fire by name takes the given leading arguments and the defaults of the rest`() {
        val article = inReview()

        transitions.fire(article, "reject", "off topic")

        assertThat(stored(article).rejectionReason).isEqualTo("off topic")
        assertThat(events.log.last()).isEqualTo("committed reject IN_REVIEW->REJECTED [off topic, true] = null")
    }

    @Test
    fun `fire by name leaves out any argument given as Transitions DEFAULT, as a call by name does`() {
        val article = inReview()

        transitions.fire(article, "reject", Transitions.DEFAULT, false)

        assertThat(stored(article).rejectionReason).isEqualTo("does not follow the guidelines (author not notified)")
        assertThat(events.log.last())
            .isEqualTo("committed reject IN_REVIEW->REJECTED [does not follow the guidelines, false] = null")
    }

    @Test
    fun `Transitions DEFAULT for a parameter without a default value is refused`() {
        val article = newArticle()

        assertThatExceptionOfType(InvalidTransitionArgumentsException::class.java)
            .isThrownBy { transitions.fire(article, "tag", Transitions.DEFAULT) }
            .withMessage(
                "Transition 'tag' on Article#${article.id} takes arguments (Label label) but was given (default);" +
                    " label has no default value",
            )
        assertThat(stored(article).label).isNull()
    }

    @Test
    fun `a condition reads the default argument`() {
        val article = inReview()

        assertThatExceptionOfType(dev.fsm.TransitionConditionException::class.java)
            .isThrownBy { transitions.fire(article, "reject", "no") }
            .withMessage(
                "Transition 'reject' is not allowed on Article#${article.id} in state 'IN_REVIEW': condition not met:" +
                    " #reason.length() >= 3",
            )
        assertThat(stored(article).state).isEqualTo(ArticleState.IN_REVIEW)
    }

    @Test
    fun `a flow bean's function takes its default arguments when fired by name`() {
        val article = inReview()

        val result = transitions.fire(article, "publish")

        assertThat(result).isEqualTo("'Kotlin and workflows' published by the editors")
        assertThat(stored(article).state).isEqualTo(ArticleState.PUBLISHED)
    }

    @Test
    fun `firing by id takes the default arguments too`() {
        val article = inReview()

        val result = transitions.fire(EntityRef.of(Article::class.java, article.id!!), "reject")

        assertThat(result.state()).isEqualTo("REJECTED")
        assertThat(result.entity().rejectionReason).isEqualTo("does not follow the guidelines")
        transitions.on(EntityRef.of(Article::class.java, article.id!!)).submit()
        transitions.on(EntityRef.of(Article::class.java, article.id!!)).reject("second look")
        assertThat(stored(article).rejectionReason).isEqualTo("second look")
    }

    @Test
    fun `null for a parameter Kotlin declares non-null is refused before the checks run`() {
        val article = inReview()
        events.log.clear()

        assertThatExceptionOfType(InvalidTransitionArgumentsException::class.java)
            .isThrownBy { transitions.fire(article, "reject", null) }
            .withMessage(
                "Transition 'reject' on Article#${article.id} takes arguments (String reason = default, Boolean" +
                    " notifyAuthor = default) but was given (null); reason must not be null",
            )
        assertThat(stored(article).state).isEqualTo(ArticleState.IN_REVIEW)
        assertThat(events.log).isEmpty()
    }

    @Test
    fun `too many arguments or one of another type do not fit either`() {
        val article = inReview()

        assertThatExceptionOfType(InvalidTransitionArgumentsException::class.java)
            .isThrownBy { transitions.fire(article, "reject", "off topic", false, 3) }
            .withMessage(
                "Transition 'reject' on Article#${article.id} takes arguments (String reason = default, Boolean" +
                    " notifyAuthor = default) but was given (String, Boolean, Integer)",
            )
        assertThatExceptionOfType(InvalidTransitionArgumentsException::class.java)
            .isThrownBy { transitions.fire(article, "publish", 42) }
            .withMessage(
                "Transition 'publish' on Article#${article.id} takes arguments (String editor = default) but was" +
                    " given (Integer)",
            )
        assertThat(stored(article).state).isEqualTo(ArticleState.IN_REVIEW)
    }

    @Test
    fun `the overloads of @JvmOverloads fire the function they call, once`() {
        val fromKotlin = published()
        val fromJava = published()
        val byName = published()

        val kotlinResult = transitions.on(fromKotlin).withdraw(notifyReaders = true)
        // what a Java caller calls: the generated overload withdraw(), which calls withdraw(String, boolean)
        val javaResult = Article::class.java.getMethod("withdraw").invoke(transitions.on(fromJava))
        val byNameResult = transitions.fire(byName, "withdraw", "outdated")

        assertThat(kotlinResult).isEqualTo("withdrawn by the author; readers notified")
        assertThat(javaResult).isEqualTo("withdrawn by the author")
        assertThat(byNameResult).isEqualTo("outdated")
        for (article in listOf(fromKotlin, fromJava, byName)) {
            assertThat(stored(article).state).isEqualTo(ArticleState.DRAFT)
            assertThat(transitions.history(article).map { it.transition() })
                .containsExactly("withdraw", "publish", "submit")
        }
    }

}
