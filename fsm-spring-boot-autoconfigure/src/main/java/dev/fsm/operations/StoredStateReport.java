package dev.fsm.operations;

import java.util.List;
import java.util.stream.Collectors;

import dev.fsm.operations.StateCounts.Counted;
import dev.fsm.operations.StateCounts.Undeclared;

/**
 * The stored states of every workflow that no declaration knows: what the check at
 * start-up, the Actuator endpoint and the Maven goal report.
 *
 * @param workflows every checked workflow that has rows in an undeclared state (NULL
 * included)
 * @param checked the names of the workflows checked
 * @param unchecked the names of the workflows that cannot be counted (not stored in a
 * column of their own: plain objects, subclasses sharing a table; or the count failed, as
 * logged)
 */
public record StoredStateReport(List<Counted> workflows, List<String> checked, List<String> unchecked) {

	public StoredStateReport {
		workflows = List.copyOf(workflows);
		checked = List.copyOf(checked);
		unchecked = List.copyOf(unchecked);
	}

	/** Whether every stored state is a declared state. */
	public boolean isClean() {
		return this.workflows.isEmpty();
	}

	/** How many rows hold an undeclared state, all workflows together. */
	public long rows() {
		return this.workflows.stream().flatMap((w) -> w.undeclared().stream()).mapToLong(Undeclared::rows).sum();
	}

	/**
	 * The report in words: each workflow, value and count, and the repair, both with
	 * {@code forceState} and in SQL.
	 */
	public String message() {
		if (isClean()) {
			return "Every stored state is a declared state (" + String.join(", ", this.checked) + ")";
		}
		StringBuilder message = new StringBuilder();
		message.append(rows())
			.append((rows() == 1) ? " row holds" : " rows hold")
			.append(" a state its workflow does not declare; the first transition of each would fail with UnknownStateException:");
		for (Counted counted : this.workflows) {
			message.append("\n\nWorkflow ")
				.append(counted.workflow().name())
				.append(" (table ")
				.append(counted.table())
				.append(", column ")
				.append(counted.column())
				.append("; declared: ")
				.append(String.join(", ", counted.workflow().states()))
				.append(")");
			for (Undeclared undeclared : counted.undeclared()) {
				message.append("\n    ")
					.append(undeclared.literal())
					.append(" in ")
					.append(undeclared.rows())
					.append((undeclared.rows() == 1) ? " row" : " rows");
			}
			message.append("\n  Repair each entity with transitions.forceState(entity, \"<state>\", \"<reason>\")")
				.append(" (audited, version + 1), or all rows at once in SQL (not audited), <state> one of ")
				.append(counted.storedValues().values().stream().collect(Collectors.joining(", ")))
				.append(":");
			for (Undeclared undeclared : counted.undeclared()) {
				message.append("\n    UPDATE ")
					.append(counted.table())
					.append(" SET ")
					.append(counted.column())
					.append(" = <state> WHERE ")
					.append(counted.column())
					.append((undeclared.value() == null) ? " IS NULL;" : " = " + undeclared.literal() + ";");
			}
		}
		return message.toString();
	}

}
