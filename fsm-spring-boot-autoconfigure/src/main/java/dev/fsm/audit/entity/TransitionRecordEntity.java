package dev.fsm.audit.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionRecord;

/**
 * One row of the audit table {@value #TABLE}. Written once, never updated. The mapping
 * declares the same unique constraint and indexes as the shipped scripts, so that a
 * schema Hibernate creates ({@code ddl-auto=create}) is the same as the scripted one.
 */
@Entity(name = TransitionRecordEntity.NAME)
@Table(name = TransitionRecordEntity.TABLE,
		uniqueConstraints = @UniqueConstraint(name = "fsm_transition_record_step",
				columnNames = { "entity_type", "entity_id", "workflow", "seq_no" }),
		indexes = { @Index(name = "fsm_transition_record_actor", columnList = "actor, occurred_at"),
				@Index(name = "fsm_transition_record_time", columnList = "occurred_at") })
public class TransitionRecordEntity {

	/**
	 * The JPA entity name, used in queries; prefixed so that it cannot clash with an
	 * application's.
	 */
	public static final String NAME = "FsmTransitionRecord";

	/** The table name. */
	public static final String TABLE = "fsm_transition_record";

	/** The longest description stored; longer ones are cut. */
	public static final int DESCRIPTION_LENGTH = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "entity_type", nullable = false, length = 200)
	private String entityType;

	@Column(name = "entity_id", nullable = false, length = 200)
	private String entityId;

	@Column(name = "workflow", nullable = false, length = 200)
	private String workflow;

	@Column(name = "seq_no", nullable = false)
	private long sequence;

	@Column(name = "transition_name", nullable = false)
	private String transition;

	@Column(name = "source_state")
	private @Nullable String sourceState;

	@Column(name = "target_state", nullable = false)
	private String targetState;

	@Column(name = "actor", nullable = false)
	private String actor;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(name = "description", length = DESCRIPTION_LENGTH)
	private @Nullable String description;

	@Column(name = "outcome", nullable = false, length = 16)
	@Convert(converter = OutcomeConverter.class)
	private TransitionRecord.Outcome outcome;

	/** For JPA. */
	protected TransitionRecordEntity() {
	}

	public TransitionRecordEntity(TransitionRecord record) {
		this.entityType = record.entityType();
		this.entityId = record.entityId();
		this.workflow = record.workflow();
		this.sequence = record.sequence();
		this.transition = record.transition();
		this.sourceState = record.sourceState();
		this.targetState = record.targetState();
		this.actor = record.actor();
		this.occurredAt = record.occurredAt();
		this.description = record.description();
		this.outcome = record.outcome();
	}

	/** The generated key; {@code null} until written. */
	public @Nullable Long getId() {
		return this.id;
	}

}
