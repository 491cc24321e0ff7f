package dev.fsm.audit;

import dev.fsm.AuditTrailConflictException;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionRecord;
import dev.fsm.audit.entity.TransitionRecordEntity;

/**
 * The error of an entity behind its audit trail, worded for the one who has to repair it:
 * what was found, why no retry helps, and the statement that repairs it.
 */
final class AuditTrailConflicts {

	private AuditTrailConflicts() {
	}

	/**
	 * The audit trail holds {@code record}'s step already, though the entity's versioned
	 * write succeeded: step 0 is the first version of an entity the transition inserted,
	 * any other the version it moved a stored row to.
	 */
	static AuditTrailConflictException behind(TransitionAttempt attempt, TransitionRecord record, Throwable cause) {
		String entity = record.entityType() + "#" + record.entityId();
		String where = " where entity_type = " + literal(record.entityType()) + " and entity_id = "
				+ literal(record.entityId()) + " and workflow = " + literal(record.workflow());
		boolean inserted = record.sequence() == 0;
		String found = inserted
				? entity + " is new, but the audit trail of workflow '" + record.workflow() + "' already holds step 0"
						+ " for its id: an earlier entity with that id was deleted and its records were kept"
				: "the audit trail of workflow '" + record.workflow() + "' already holds step " + record.sequence()
						+ ", the version this transition gave " + entity + " (from " + (record.sequence() - 1)
						+ "): the entity is behind its audit trail (its row was restored from a backup older than"
						+ " the trail, or written back by other means)";
		String repair = inserted
				? "give the new entity another id, or remove the earlier entity's records: delete from "
						+ TransitionRecordEntity.TABLE + where
				: "raise the entity's @Version to the last step recorded for it (select max(seq_no) from "
						+ TransitionRecordEntity.TABLE + where + "), then fire again";
		String message = "Transition '" + record.transition() + "' on " + entity + " from state '"
				+ record.sourceState() + "' cannot be recorded: " + found + ". No retry can change that, and nothing"
				+ " changed; to repair it, " + repair;
		return new AuditTrailConflictException(message, attempt.entityType(), attempt.entityId(), record.transition(),
				record.sourceState(), record.workflow(), record.sequence(), inserted ? null : record.sequence() - 1,
				cause);
	}

	/** {@code value} as an SQL string literal. */
	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
