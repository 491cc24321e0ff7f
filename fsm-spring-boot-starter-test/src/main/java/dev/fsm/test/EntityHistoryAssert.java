package dev.fsm.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.AbstractAssert;

import dev.fsm.TransitionRecord;

/**
 * Assertions on the audit trail of an entity, read oldest first. <pre class="code">
 * assertThat(history(report)).containsTransitions("submit", "sendBack").byActor("staff@example.com");
 * </pre> {@link #byActor} checks the records that the previous {@code contains..}
 * assertion matched, or every record when there was none.
 *
 * @since 0.2.0
 */
public class EntityHistoryAssert extends AbstractAssert<EntityHistoryAssert, EntityHistory> {

	private List<TransitionRecord> selected;

	EntityHistoryAssert(EntityHistory history) {
		super(history, EntityHistoryAssert.class);
		this.selected = history.records();
	}

	/**
	 * Verifies that the history holds these transitions in this order; other records may
	 * come before, between and after them.
	 */
	public EntityHistoryAssert containsTransitions(String... transitions) {
		List<TransitionRecord> matched = new ArrayList<>();
		int next = 0;
		for (TransitionRecord record : this.actual.records()) {
			if (next < transitions.length && record.transition().equals(transitions[next])) {
				matched.add(record);
				next++;
			}
		}
		if (next < transitions.length) {
			throw failure("Expected the history of %s to contain the transitions %s in this order, but %s",
					this.actual.entity(), Arrays.asList(transitions), content());
		}
		this.selected = matched;
		return this;
	}

	/** Verifies that the history holds exactly these transitions, in this order. */
	public EntityHistoryAssert containsExactlyTransitions(String... transitions) {
		List<String> names = this.actual.records().stream().map(TransitionRecord::transition).toList();
		if (!names.equals(Arrays.asList(transitions))) {
			throw failure("Expected the history of %s to be exactly the transitions %s, but %s", this.actual.entity(),
					Arrays.asList(transitions), content());
		}
		this.selected = this.actual.records();
		return this;
	}

	/** Verifies that the entity has no history. */
	public EntityHistoryAssert isEmpty() {
		if (!this.actual.records().isEmpty()) {
			throw failure("Expected the history of %s to be empty, but it is %s", this.actual.entity(), this.actual);
		}
		return this;
	}

	/**
	 * Verifies that the user named {@code actor} fired every record the previous
	 * {@code contains..} assertion matched (every record without one).
	 */
	public EntityHistoryAssert byActor(String actor) {
		List<String> others = new ArrayList<>();
		for (TransitionRecord record : this.selected) {
			if (!record.actor().equals(actor)) {
				others.add(EntityHistory.describe(record));
			}
		}
		if (!others.isEmpty()) {
			List<String> names = this.selected.stream().map(TransitionRecord::transition).toList();
			throw failure("Expected the transitions %s of %s to be fired by '%s', but the history has %s", names,
					this.actual.entity(), actor, others);
		}
		return this;
	}

	private String content() {
		return this.actual.records().isEmpty() ? "it is empty" : "it is " + this.actual;
	}

}
