package dev.fsm.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.fsm.TransitionRecord;

/**
 * The audit trail of one entity, oldest record first, for
 * {@link WorkflowAssertions#assertThat(EntityHistory)}. Obtain it with
 * {@link WorkflowAssertions#history(Object)}.
 *
 * @since 0.2.0
 */
public final class EntityHistory {

	private final String entity;

	private final List<TransitionRecord> records;

	EntityHistory(String entity, List<TransitionRecord> newestFirst) {
		this.entity = entity;
		List<TransitionRecord> records = new ArrayList<>(newestFirst);
		Collections.reverse(records);
		this.records = List.copyOf(records);
	}

	/** The entity, as failure messages name it: {@code CaseReport#42}. */
	public String entity() {
		return this.entity;
	}

	/** The records, oldest first. */
	public List<TransitionRecord> records() {
		return this.records;
	}

	/**
	 * The records as failure messages show them:
	 * {@code submit DRAFT -> ADMIN_REVIEW by author@example.com}.
	 */
	@Override
	public String toString() {
		return this.records.stream().map(EntityHistory::describe).toList().toString();
	}

	static String describe(TransitionRecord record) {
		String outcome = (record.outcome() != TransitionRecord.Outcome.COMPLETED) ? " (" + record.outcome() + ")" : "";
		return record.transition() + " " + record.sourceState() + " -> " + record.targetState() + " by "
				+ record.actor() + outcome;
	}

}
