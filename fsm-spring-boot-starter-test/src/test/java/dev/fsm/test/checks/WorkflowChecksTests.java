package dev.fsm.test.checks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.Workflow;
import dev.fsm.test.WorkflowChecks;
import dev.fsm.test.example.ClaimPayments;
import dev.fsm.test.example.ExpenseClaim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Workflow checks in a plain unit test: no Spring context, no database.
 */
class WorkflowChecksTests {

	@Test
	void aSoundWorkflowPasses() {
		WorkflowChecks.of(Ticket.class).finalStates("CLOSED").verify();
		assertThat(WorkflowChecks.of(Ticket.class).finalStates("CLOSED").problems()).isEmpty();
	}

	@Test
	void aWorkflowWithoutEndsHasNoDeadEnd() {
		WorkflowChecks.of(Lamp.class).verify();
	}

	@Test
	void checksTheWorkflowsOfAFlowBeanAndNamesThemAfterTheJpaEntity() {
		WorkflowChecks checks = WorkflowChecks.of(ExpenseClaim.class, ClaimPayments.class).finalStates("PAID");
		checks.verify();
		assertThat(checks.workflows()).extracting(Workflow::name).containsExactly("ExpenseClaim.state");
		assertThat(WorkflowChecks.of(Expense.class).finalStates("PAID").workflows()).extracting(Workflow::name)
			.containsExactly("Expense.state");
		assertThat(WorkflowChecks.of(ClaimPayments.class).workflows().get(0).transitionNames()).contains("pay",
				"submit");
	}

	@Test
	void checksEveryWorkflowOfAPackage() {
		WorkflowChecks checks = WorkflowChecks.ofPackage("dev.fsm.test.example").finalStates("PAID");
		checks.verify();
		assertThat(checks.workflows()).extracting(Workflow::name).containsExactly("ExpenseClaim.state");
	}

	@Test
	void aPackageWithoutWorkflowsIsAProblem() {
		assertThat(WorkflowChecks.ofPackage("dev.fsm.test.checks.empty").problems())
			.containsExactly("No workflow found in package 'dev.fsm.test.checks.empty'");
	}

	@Test
	void aClassWithoutWorkflowIsAProblem() {
		assertThat(WorkflowChecks.of(String.class).problems())
			.containsExactly("String declares no workflow: it has no @StateField and no @Transition method");
	}

	@Test
	void reportsDeadEndsThatAreNotDeclaredFinal() {
		assertThat(WorkflowChecks.of(Job.class).finalStates("DONE").problems())
			.containsExactly("Workflow 'Job.phase' has dead ends, states that no transition leaves: [STUCK]; declare"
					+ " them with finalStates(..) if the workflow ends there");
		assertThat(WorkflowChecks.of(Job.class).problems())
			.containsExactly("Workflow 'Job.phase' has dead ends, states that no transition leaves: [DONE, STUCK];"
					+ " declare them with finalStates(..) if the workflow ends there");
		WorkflowChecks.of(Job.class).finalStates("DONE", "STUCK").verify();
		WorkflowChecks.of(Job.class).finalStates(Job.class, "DONE", "STUCK").verify();
	}

	@Test
	void aStateDeclaredFinalMustBeFinal() {
		assertThat(WorkflowChecks.of(Job.class).finalStates("DONE", "STUCK", "ACTIVE").problems())
			.containsExactly("Workflow 'Job.phase': 'ACTIVE' is declared final, but transition 'finish' leaves it");
	}

	@Test
	void aStateDeclaredFinalMustExist() {
		assertThat(WorkflowChecks.of(Job.class).finalStates("DONE", "STUCK", "ARCHIVED").problems())
			.containsExactly("'ARCHIVED' is declared final, but it is a state of none of the workflows [Job.phase]");
		assertThat(WorkflowChecks.of(Job.class)
			.finalStates("DONE", "STUCK")
			.finalStates(Ticket.class, "CLOSED")
			.problems()).containsExactly(
					"Final states are declared for Ticket, which has none of the workflows checked [Job.phase]");
	}

	@Test
	void reportsStatesFromWhichNoEndCanBeReached() {
		assertThat(WorkflowChecks.of(Maze.class).finalStates("EXIT").problems()).containsExactly(
				"Workflow 'Maze.room' has states from which no final state [EXIT] can be reached: [LEFT," + " RIGHT]");
	}

	@Test
	void reportsWhatTheApplicationWouldReportAtStartUp() {
		assertThat(WorkflowChecks.of(Broken.class).problems()).satisfiesExactly(
				(problem) -> assertThat(problem)
					.startsWith("Transition 'start' of workflow 'Broken.phase' has permission"
							+ " \"hasRole('X'\" that cannot be used: "),
				(problem) -> assertThat(problem)
					.startsWith("Transition 'start' of workflow 'Broken.phase' has condition"
							+ " \"#entity.name ==\" that does not parse: "),
				(problem) -> assertThat(problem)
					.isEqualTo("Workflow 'Broken.phase' has states that no transition reaches"
							+ " from the initial state 'NEW': [DONE] (set fsm.validation.fail-on-unreachable-states=false to"
							+ " only warn)"));
	}

	@Test
	void verifyListsEveryProblem() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> WorkflowChecks.of(Job.class, Maze.class).finalStates("EXIT").verify())
			.withMessage("2 problems in the workflows of [Job, Maze]:" + System.lineSeparator()
					+ "  1. Workflow 'Job.phase' has dead ends, states that no transition leaves: [DONE, STUCK]; declare"
					+ " them with finalStates(..) if the workflow ends there" + System.lineSeparator()
					+ "  2. Workflow 'Maze.room' has states from which no final state [EXIT] can be reached: [LEFT,"
					+ " RIGHT]");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> WorkflowChecks.ofPackage("dev.fsm.test.checks.empty").verify())
			.withMessage("1 problem in the workflows of package 'dev.fsm.test.checks.empty':" + System.lineSeparator()
					+ "  1. No workflow found in package 'dev.fsm.test.checks.empty'");
	}

	public static class Ticket {

		public enum Status {

			OPEN, CLOSED

		}

		@StateField
		Status status = Status.OPEN;

		@Transition(source = "OPEN", target = "CLOSED")
		public void close() {
		}

	}

	public static class Lamp {

		public enum Light {

			OFF, ON

		}

		@StateField
		Light light = Light.OFF;

		@Transition(source = "OFF", target = "ON")
		public void switchOn() {
		}

		@Transition(source = "ON", target = "OFF")
		public void switchOff() {
		}

	}

	public static class Job {

		public enum Phase {

			NEW, ACTIVE, DONE, STUCK

		}

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

		@Transition(source = "ACTIVE", target = "STUCK")
		public void hang() {
		}

	}

	public static class Maze {

		public enum Room {

			START, LEFT, RIGHT, EXIT

		}

		@StateField
		Room room = Room.START;

		@Transition(source = "START", target = "LEFT")
		public void goLeft() {
		}

		@Transition(source = "START", target = "EXIT")
		public void leave() {
		}

		@Transition(source = "LEFT", target = "RIGHT")
		public void crossToRight() {
		}

		@Transition(source = "RIGHT", target = "LEFT")
		public void crossToLeft() {
		}

	}

	public static class Broken {

		public enum Phase {

			NEW, ACTIVE, DONE

		}

		String name;

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE", permission = "hasRole('X'", conditions = "#entity.name ==")
		public void start() {
		}

	}

	@Entity(name = "Expense")
	public static class Expense {

		public enum Status {

			OPEN, PAID

		}

		@Id
		Long id;

		@StateField
		Status state = Status.OPEN;

		@Transition(source = "OPEN", target = "PAID")
		public void pay() {
		}

	}

}
