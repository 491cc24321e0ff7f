package dev.fsm.refusals;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fsm.AuditTrailConflictException;
import dev.fsm.ConcurrentTransitionException;
import dev.fsm.IllegalStateChangeException;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionRecord;

/**
 * Every refusal of the API made outside the engine, worded as the engine words its own
 * ({@code engine/TransitionErrors}): the entity, its id, the transition, the state and
 * the reason, then what to do.
 * <p>
 * Public because the audit trail, the flush guard and the HTTP API, which may not use the
 * engine or each other, build their refusals here.
 */
public final class Refusals {

	private Refusals() {
	}

	/**
	 * The audit trail holds {@code record}'s step already, though the entity's versioned
	 * write succeeded: step 0 is the first version of an entity the transition inserted,
	 * any other the version it moved a stored row to. Worded for the one who has to
	 * repair it: what was found, why no retry helps, and the statement that repairs it.
	 * @param table the audit trail's table
	 */
	public static AuditTrailConflictException auditTrailBehind(TransitionAttempt attempt, TransitionRecord record,
			String table, Throwable cause) {
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
				? "give the new entity another id, or remove the earlier entity's records: delete from " + table + where
				: "raise the entity's @Version to the last step recorded for it (select max(seq_no) from " + table
						+ where + "), then fire again";
		String message = "Transition '" + record.transition() + "' on " + entity + " from state '"
				+ record.sourceState() + "' cannot be recorded: " + found + ". No retry can change that, and nothing"
				+ " changed; to repair it, " + repair;
		return new AuditTrailConflictException(message, attempt.entityType(), attempt.entityId(), record.transition(),
				record.sourceState(), record.workflow(), record.sequence(), inserted ? null : record.sequence() - 1,
				cause);
	}

	/**
	 * Another transaction recorded the step of an entity without {@code @Version} first:
	 * the two transitions raced, and this one lost.
	 */
	public static ConcurrentTransitionException auditStepTaken(TransitionAttempt attempt, TransitionRecord record,
			Throwable cause) {
		String message = "Transition '" + attempt.transition() + "' on " + record.entityType() + "#" + record.entityId()
				+ " from state '" + attempt.sourceState() + "' lost to a concurrent transition:"
				+ " another transaction recorded step " + record.sequence() + " of workflow '" + record.workflow()
				+ "' first; reload the entity and try again";
		return new ConcurrentTransitionException(message, attempt.entityType(), attempt.entityId(),
				attempt.transition(), String.valueOf(attempt.sourceState()), cause);
	}

	/**
	 * A stored entity's state field was changed without a transition.
	 * @param label the entity as messages name it ({@code Door#7})
	 * @param stored the stored state, {@code null} for NULL
	 * @param attempted the state about to be written, {@code null} for NULL
	 */
	public static IllegalStateChangeException changedWithoutTransition(Class<?> entityType, @Nullable Object id,
			String label, String workflow, String field, @Nullable String stored, @Nullable String attempted) {
		String message = label + ": the state field '" + field + "' of workflow '" + workflow + "' was changed from "
				+ quoted(stored) + " to " + quoted(attempted) + " without a transition, and was not saved; only"
				+ " transitions change a @StateField (fire one through Transitions; for a data migration use"
				+ " Transitions.forceState)";
		return new IllegalStateChangeException(message, entityType, id, workflow, field, stored, attempted);
	}

	/**
	 * A new entity was about to be stored in a state it may not start in.
	 * @param label the entity as messages name it ({@code Door#7}, {@code Door})
	 * @param startStates the declared start states besides the initial state
	 * @param value the state it was about to be stored in, {@code null} for NULL
	 */
	public static IllegalStateChangeException createdInAnotherState(Class<?> entityType, @Nullable Object id,
			String label, String workflow, String field, String initialState, List<String> startStates,
			@Nullable String value) {
		String starts = startStates.isEmpty() ? "its initial state '" + initialState + "'"
				: "its initial state '" + initialState + "' or a start state " + startStates;
		String message = "A new " + label + " was about to be stored in state " + quoted(value) + " (field '" + field
				+ "' of workflow '" + workflow + "'), and was not: a new entity starts in " + starts
				+ "; fire transitions to move it, declare @StateField(startStates = ..), or use Transitions.forceState";
		return new IllegalStateChangeException(message, entityType, id, workflow, field, null, value);
	}

	/**
	 * The permission of a transition refuses the user, as the engine would refuse it.
	 * @param label the entity as messages name it ({@code Door#7},
	 * {@code Door (unsaved)})
	 * @param userMessage the refusal worded for the user
	 */
	public static TransitionDeniedException denied(Class<?> entityType, @Nullable Object id, String label,
			String transition, String state, String actor, String permission, String userMessage) {
		String message = "Transition '" + transition + "' on " + label + " in state '" + state + "' is denied to '"
				+ actor + "' (permission: " + permission + ")";
		return new TransitionDeniedException(message, entityType, id, transition, state, actor, permission,
				userMessage);
	}

	private static String quoted(@Nullable String state) {
		return (state != null) ? "'" + state + "'" : "NULL";
	}

	/** {@code value} as an SQL string literal. */
	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
