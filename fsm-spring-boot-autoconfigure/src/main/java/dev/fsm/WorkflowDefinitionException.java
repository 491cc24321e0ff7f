package dev.fsm;

import java.util.List;

/**
 * One or more workflows are declared wrongly. Thrown at start-up, before the application
 * serves anything, and lists every problem found.
 */
public class WorkflowDefinitionException extends RuntimeException {

	private final List<String> problems;

	public WorkflowDefinitionException(List<String> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	/** Every problem found, one sentence each. */
	public List<String> getProblems() {
		return this.problems;
	}

	private static String message(List<String> problems) {
		StringBuilder message = new StringBuilder();
		message.append(problems.size())
			.append(problems.size() == 1 ? " problem" : " problems")
			.append(" in workflow declarations:");
		for (int i = 0; i < problems.size(); i++) {
			message.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(problems.get(i));
		}
		return message.toString();
	}

}
