package dev.fsm.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fsm.Workflow;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.WorkflowDefinitions;

/**
 * Checks workflow declarations in a plain unit test, without starting an application:
 * what the application checks when it starts (state names, expressions that parse, every
 * state reachable from the initial state), and that the workflow ends only where it
 * should: no dead end (a state no transition leaves) except the states declared final,
 * and no state from which no final state can be reached. <pre class="code">
 * &#64;Test
 * void theCaseReportWorkflowIsSound() {
 *     WorkflowChecks.of(CaseReport.class).finalStates("RETRACTED").verify();
 * }
 * </pre> Dead ends and final states are checked once the declarations are valid. The
 * declarations are read as the application reads them, through
 * {@link WorkflowDefinitions}; this class adds the checks of where workflows end.
 *
 * @since 0.2.0
 */
public final class WorkflowChecks {

	private final String subject;

	private final List<Class<?>> types;

	private final List<String> scanProblems;

	private final List<FinalStates> finalStates = new ArrayList<>();

	private WorkflowChecks(String subject, List<Class<?>> types, List<String> scanProblems) {
		this.subject = subject;
		this.types = types;
		this.scanProblems = scanProblems;
	}

	/**
	 * Checks the workflows of these classes: entities with a {@code @StateField} and flow
	 * beans whose {@code @Transition} methods take an entity.
	 */
	public static WorkflowChecks of(Class<?>... types) {
		List<String> names = Arrays.stream(types).map(Class::getSimpleName).toList();
		return new WorkflowChecks("the workflows of " + names, List.of(types), List.of());
	}

	/**
	 * Checks the workflows of every entity and flow bean class in {@code basePackage} and
	 * its sub-packages.
	 */
	public static WorkflowChecks ofPackage(String basePackage) {
		List<Class<?>> types = WorkflowDefinitions.scan(basePackage);
		List<String> problems = types.isEmpty() ? List.of("No workflow found in package '" + basePackage + "'")
				: List.of();
		return new WorkflowChecks("the workflows of package '" + basePackage + "'", types, problems);
	}

	/**
	 * Declares the states where workflows end, in whichever checked workflow has them. A
	 * declared final state must be a state no transition leaves.
	 */
	public WorkflowChecks finalStates(String... states) {
		this.finalStates.add(new FinalStates(null, List.of(states)));
		return this;
	}

	/** Declares the states where the workflows of {@code entityType} end. */
	public WorkflowChecks finalStates(Class<?> entityType, String... states) {
		this.finalStates.add(new FinalStates(entityType, List.of(states)));
		return this;
	}

	/** The checked workflows, ordered by name; empty when a declaration is invalid. */
	public List<Workflow> workflows() {
		return check().workflows();
	}

	/** Every problem found, one sentence each; empty when the workflows are sound. */
	public List<String> problems() {
		return check().problems();
	}

	/**
	 * Verifies that the workflows have no problem.
	 * @throws AssertionError listing every problem found
	 */
	public void verify() {
		List<String> problems = problems();
		if (problems.isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder().append(problems.size())
			.append((problems.size() == 1) ? " problem in " : " problems in ")
			.append(this.subject)
			.append(':');
		for (int i = 0; i < problems.size(); i++) {
			message.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(problems.get(i));
		}
		throw new AssertionError(message.toString());
	}

	private Result check() {
		List<String> problems = new ArrayList<>(this.scanProblems);
		List<Class<?>> declaring = new ArrayList<>();
		for (Class<?> type : this.types) {
			if (WorkflowDefinitions.declaresWorkflow(type)) {
				declaring.add(type);
			}
			else {
				problems.add(type.getSimpleName() + " declares no workflow: it has no @StateField and no @Transition"
						+ " method");
			}
		}
		List<Workflow> workflows;
		try {
			workflows = WorkflowDefinitions.read(declaring);
		}
		catch (WorkflowDefinitionException ex) {
			problems.addAll(ex.getProblems());
			return new Result(List.of(), problems);
		}
		for (Workflow workflow : workflows) {
			WorkflowEnds.check(workflow, declaredFinal(workflow), problems);
		}
		checkDeclaredFinalStatesExist(workflows, problems);
		return new Result(workflows, problems);
	}

	private Set<String> declaredFinal(Workflow workflow) {
		Set<String> declared = new LinkedHashSet<>();
		for (FinalStates finalStates : this.finalStates) {
			if (finalStates.type() == null || finalStates.type().isAssignableFrom(workflow.entityType())) {
				declared.addAll(finalStates.states());
			}
		}
		return declared;
	}

	/**
	 * Declared final states must be states of the workflows they are declared for: typos
	 * fail.
	 */
	private void checkDeclaredFinalStatesExist(List<Workflow> workflows, List<String> problems) {
		for (FinalStates finalStates : this.finalStates) {
			Class<?> type = finalStates.type();
			List<Workflow> candidates = workflows.stream()
				.filter((workflow) -> type == null || type.isAssignableFrom(workflow.entityType()))
				.toList();
			List<String> names = candidates.stream().map(Workflow::name).toList();
			if (type != null && candidates.isEmpty()) {
				problems.add("Final states are declared for " + type.getSimpleName() + ", which has none of the"
						+ " workflows checked " + workflows.stream().map(Workflow::name).toList());
				continue;
			}
			for (String state : finalStates.states()) {
				if (candidates.stream().noneMatch((workflow) -> workflow.states().contains(state))) {
					problems
						.add("'" + state + "' is declared final, but it is a state of none of the workflows " + names);
				}
			}
		}
	}

	private record FinalStates(@Nullable Class<?> type, List<String> states) {
	}

	private record Result(List<Workflow> workflows, List<String> problems) {
	}

}
