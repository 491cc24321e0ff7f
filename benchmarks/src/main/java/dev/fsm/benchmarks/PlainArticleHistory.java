package dev.fsm.benchmarks;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The history row a hand-written service writes when it keeps one: the audit trail's equivalent. */
@Entity
public class PlainArticleHistory {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	Long articleId;

	String sourceState;

	String targetState;

	Instant occurredAt;

	protected PlainArticleHistory() {
	}

	PlainArticleHistory(Long articleId, String sourceState, String targetState) {
		this.articleId = articleId;
		this.sourceState = sourceState;
		this.targetState = targetState;
		this.occurredAt = Instant.now();
	}

}
