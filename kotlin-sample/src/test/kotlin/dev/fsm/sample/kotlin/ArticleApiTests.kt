package dev.fsm.sample.kotlin

import org.assertj.core.api.Assertions.assertThat
import org.hamcrest.Matchers.contains
import org.hamcrest.Matchers.empty
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.boot.test.context.SpringBootTest
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
import org.springframework.http.MediaType
import org.springframework.test.web.servlet.MockMvc
import org.springframework.test.web.servlet.get
import org.springframework.test.web.servlet.post

/**
 * The HTTP API over a Kotlin entity: arguments bind by name, and parameters with default values
 * may be left out, wherever they are, as in a Kotlin call that names its arguments; a parameter of
 * a non-null type refuses `null`; messages name types as Kotlin does; a value class is sent as its
 * text. This
 * sample has no Spring Security, so the API starts only when told that whoever reaches it may
 * use it (`fsm.web.access=permit-all`).
 */
@SpringBootTest(
    properties = ["fsm.web.enabled=true", "fsm.web.access=permit-all", "spring.datasource.url=jdbc:h2:mem:kotlin-api"],
)
@AutoConfigureMockMvc
class ArticleApiTests @Autowired constructor(
    private val mvc: MockMvc,
    private val articles: ArticleRepository,
) {

    private val base = "/api/workflows/Article.state"

    private fun inReview(): Article {
        val article = articles.save(Article("Kotlin and workflows", "ada"))
        mvc.post("$base/${article.id}/transitions/submit") { contentType = MediaType.APPLICATION_JSON }
            .andExpect { status { isOk() } }
        return article
    }

    private fun stored(article: Article): Article = articles.findById(article.id!!).orElseThrow()

    @Test
    fun `parameters with default values are not required by the argument schema`() {
        val article = inReview()
        mvc.get("$base/${article.id}").andExpect {
            status { isOk() }
            jsonPath("$.transitions[?(@.name == 'reject')].arguments.required") { value(contains(empty<Any>())) }
            jsonPath("$.transitions[?(@.name == 'reject')].arguments.properties.notifyAuthor.type") {
                value(contains("boolean"))
            }
            jsonPath("$.transitions[?(@.name == 'tag')].arguments.required[0]") { value(contains("label")) }
        }
    }

    @Test
    fun `an empty body fires with Kotlin's default arguments`() {
        val article = inReview()
        mvc.post("$base/${article.id}/transitions/reject") { contentType = MediaType.APPLICATION_JSON }.andExpect {
            status { isOk() }
            jsonPath("$.state") { value("REJECTED") }
        }
        assertThat(stored(article).rejectionReason).isEqualTo("does not follow the guidelines")
    }

    @Test
    fun `leading arguments are given and the defaults fill in the rest`() {
        val article = inReview()
        mvc.post("$base/${article.id}/transitions/reject") {
            contentType = MediaType.APPLICATION_JSON
            content = """{"reason": "too short"}"""
        }.andExpect { status { isOk() } }
        assertThat(stored(article).rejectionReason).isEqualTo("too short")
    }

    @Test
    fun `arguments bind by name, and any with a default value may be left out`() {
        val article = inReview()
        mvc.post("$base/${article.id}/transitions/reject") {
            contentType = MediaType.APPLICATION_JSON
            content = """{"notifyAuthor": false}"""
        }.andExpect {
            status { isOk() }
            jsonPath("$.state") { value("REJECTED") }
        }
        assertThat(stored(article).rejectionReason).isEqualTo("does not follow the guidelines (author not notified)")
    }

    @Test
    fun `null for a parameter of a non-null type is refused, in Kotlin's type names`() {
        val article = inReview()
        mvc.post("$base/${article.id}/transitions/reject") {
            contentType = MediaType.APPLICATION_JSON
            content = """{"reason": null}"""
        }.andExpect {
            status { isBadRequest() }
            jsonPath("$.detail") { value("Argument 'reason' of transition 'reject' may not be null: its type is String") }
        }
        assertThat(stored(article).state).isEqualTo(ArticleState.IN_REVIEW)
    }

    @Test
    fun `messages name the parameters' types as Kotlin writes them`() {
        val article = inReview()
        mvc.post("$base/${article.id}/transitions/reject") {
            contentType = MediaType.APPLICATION_JSON
            content = """{"notifyAuthor": "maybe"}"""
        }.andExpect {
            status { isBadRequest() }
            jsonPath("$.detail") { value("Argument 'notifyAuthor' of transition 'reject' is not a Boolean: maybe") }
        }
        mvc.post("$base/${article.id}/transitions/reject") {
            contentType = MediaType.APPLICATION_JSON
            content = """{"copies": 3}"""
        }.andExpect {
            status { isBadRequest() }
            jsonPath("$.detail") {
                value(
                    "Argument 'copies' of transition 'reject' is no argument of transition 'reject', which takes" +
                        " (String reason, Boolean notifyAuthor)",
                )
            }
        }
        mvc.post("$base/${article.id}/transitions/tag") { contentType = MediaType.APPLICATION_JSON }.andExpect {
            status { isBadRequest() }
            jsonPath("$.detail") {
                value("Argument 'label' of transition 'tag' is missing; transition 'tag' takes (Label label)")
            }
        }
        assertThat(stored(article).state).isEqualTo(ArticleState.IN_REVIEW)
        assertThat(stored(article).version).isEqualTo(1L)
    }

    @Test
    fun `a value class is sent as the value it wraps`() {
        val article = inReview()
        mvc.post("$base/${article.id}/transitions/tag") {
            contentType = MediaType.APPLICATION_JSON
            content = """{"label": "featured"}"""
        }.andExpect { status { isOk() } }
        assertThat(stored(article).label).isEqualTo("featured")
    }

}
