package dev.fsm.benchmarks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * The table a hand-written service writes its history rows into (one JDBC insert each) when it
 * keeps one: the audit trail's columns, unique constraint and indexes, so that both sides write
 * the same row into the same kind of table. Mapped only so that the schema is created with the
 * others.
 */
@Entity
@Table(name = "plain_article_history",
		uniqueConstraints = @UniqueConstraint(columnNames = { "entity_type", "entity_id", "workflow", "seq_no" }),
		indexes = { @Index(columnList = "actor, occurred_at"), @Index(columnList = "occurred_at") })
public class PlainArticleHistory {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(name = "entity_type", nullable = false, length = 200)
	String entityType;

	@Column(name = "entity_id", nullable = false, length = 200)
	String entityId;

	@Column(name = "workflow", nullable = false, length = 200)
	String workflow;

	@Column(name = "seq_no", nullable = false)
	long sequence;

	@Column(name = "transition_name", nullable = false)
	String transition;

	@Column(name = "source_state")
	String sourceState;

	@Column(name = "target_state", nullable = false)
	String targetState;

	@Column(name = "actor", nullable = false)
	String actor;

	@Column(name = "occurred_at", nullable = false)
	Instant occurredAt;

	@Column(name = "description", length = 1000)
	String description;

	@Column(name = "outcome", nullable = false, length = 16)
	String outcome;

	protected PlainArticleHistory() {
	}

}
