package dev.fsm.audit;

import dev.fsm.AuditTrailConflictException;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionRecord;
import dev.fsm.audit.entity.TransitionRecordEntity;
import dev.fsm.refusals.Refusals;

/**
 * The error of an entity behind its audit trail, worded for the one who has to repair it
 * ({@link Refusals#auditTrailBehind}), with the audit trail's table.
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
		return Refusals.auditTrailBehind(attempt, record, TransitionRecordEntity.TABLE, cause);
	}

}
