package dev.fsm.sample.kotlin

import dev.fsm.Transition
import org.springframework.stereotype.Service

/** Transitions on a Spring bean (the spring plugin opens it), the article a parameter. */
@Service
class ArticleFlow {

    @Transition(source = ["IN_REVIEW"], target = ["PUBLISHED"])
    fun publish(article: Article, editor: String = "the editors"): String =
        "'${article.title}' published by $editor"

}
