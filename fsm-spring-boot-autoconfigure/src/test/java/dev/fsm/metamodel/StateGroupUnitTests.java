package dev.fsm.metamodel;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;

import dev.fsm.StateField;
import dev.fsm.StateGroup;
import dev.fsm.Transition;
import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * State groups: declared on the state field or on enum constants, resolved into groups
 * that nest, usable as transition sources, and every mistake reported at start-up.
 */
class StateGroupUnitTests {

	private final SpelGuardCompiler guards = new SpelGuardCompiler(
			new GuardEvaluationContexts(new BeanFactoryResolver(new DefaultListableBeanFactory())), null);

	@Test
	void aGroupOnTheStateFieldHoldsItsStatesInTheWorkflowsOrder() {
		Workflow workflow = workflow(Order.class);
		assertThat(workflow.groups()).containsExactly(
				new Workflow.Group("OPEN", List.of("PLACED", "PROCESSING", "SENT"), null),
				new Workflow.Group("DONE", List.of("DELIVERED", "CANCELLED"), null));
		assertThat(workflow.group("OPEN").contains("SENT")).isTrue();
		assertThat(workflow.group("OPEN").contains("DELIVERED")).isFalse();
		assertThat(workflow.group("OPEN").contains(null)).isFalse();
	}

	@Test
	void aGroupAsSourceStartsFromEachOfItsStates() {
		Workflow workflow = workflow(Order.class);
		assertThat(workflow.transitions("cancel")).singleElement()
			.extracting(TransitionRoute::sources)
			.isEqualTo(List.of("PLACED", "PROCESSING", "SENT"));
		assertThat(workflow.transitions("archive")).singleElement()
			.extracting(TransitionRoute::sources)
			.isEqualTo(List.of("DELIVERED", "CANCELLED", "SENT"));
		WorkflowModel model = build(Order.class).workflowsOf(Order.class).get(0);
		TransitionModel cancel = model.transition("cancel");
		assertThat(cancel).isNotNull();
		assertThat(cancel.routeFor(OrderState.PROCESSING)).isNotNull();
		assertThat(cancel.routeFor(OrderState.DELIVERED)).isNull();
	}

	@Test
	void groupsOnEnumConstantsNestLikeSubstates() {
		Workflow workflow = workflow(Machine.class);
		// S0 holds S1 and S2; S2 names S21, which has the same states and is nested in it
		assertThat(workflow.groups()).containsExactly(
				new Workflow.Group("S0", List.of("S11", "S12", "S211", "S212"), null),
				new Workflow.Group("S1", List.of("S11", "S12"), "S0"),
				new Workflow.Group("S2", List.of("S211", "S212"), "S0"),
				new Workflow.Group("S21", List.of("S211", "S212"), "S2"));
		assertThat(workflow.groupsOf("S212")).extracting(Workflow.Group::name).containsExactly("S0", "S2", "S21");
		assertThat(workflow.groupsOf("S11")).extracting(Workflow.Group::name).containsExactly("S0", "S1");
	}

	@Test
	void groupsWithTheSameStatesNestAsNamedOrElseAsDeclared() {
		Workflow declaredOrder = workflow(SameStates.class);
		assertThat(declaredOrder.groups()).extracting(Workflow.Group::name, Workflow.Group::parent)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("OUTER", null),
					org.assertj.core.groups.Tuple.tuple("INNER", "OUTER"));
	}

	@Test
	void isInAnswersForAStateAndForAGroup() {
		Workflow workflow = workflow(Order.class);
		assertThat(workflow.isIn("PROCESSING", "OPEN")).isTrue();
		assertThat(workflow.isIn("PROCESSING", "PROCESSING")).isTrue();
		assertThat(workflow.isIn("PROCESSING", "SENT")).isFalse();
		assertThat(workflow.isIn("DELIVERED", "OPEN")).isFalse();
		assertThat(workflow.isIn(null, "OPEN")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> workflow.isIn("PLACED", "CLOSED"))
			.withMessage("'CLOSED' is neither a state nor a state group of workflow 'Order.state' [PLACED, PROCESSING,"
					+ " SENT, DELIVERED, CANCELLED, ARCHIVED] [OPEN, DONE]");
		assertThatIllegalArgumentException().isThrownBy(() -> workflow.group("CLOSED"))
			.withMessage("Workflow 'Order.state' has no state group 'CLOSED' [OPEN, DONE]");
	}

	@Test
	void aGroupsStatesAsValuesForRepositoryQueries() {
		Workflow workflow = workflow(Order.class);
		assertThat(workflow.group("OPEN").values(OrderState.class)).containsExactly(OrderState.PLACED,
				OrderState.PROCESSING, OrderState.SENT);
		assertThat(workflow.group("OPEN").values(String.class)).containsExactly("PLACED", "PROCESSING", "SENT");
		assertThatIllegalArgumentException().isThrownBy(() -> workflow.group("OPEN").values(Integer.class))
			.withMessage("State 'PLACED' of group 'OPEN' is no value of Integer");
		assertThatIllegalArgumentException().isThrownBy(() -> workflow.group("OPEN").values(Phase.class))
			.withMessage("State 'PLACED' of group 'OPEN' is no value of Phase");
		assertThat(workflow(Levels.class).group("LOW").values(Integer.class)).containsExactly(1, 2);
	}

	@Test
	void aStringFieldsGroupsAreNoStates() {
		Workflow workflow = workflow(Ticket.class);
		assertThat(workflow.states()).containsExactly("new", "open", "waiting", "closed");
		assertThat(workflow.group("active").states()).containsExactly("open", "waiting");
		assertThat(workflow.transitions("close")).singleElement()
			.extracting(TransitionRoute::sources)
			.isEqualTo(List.of("open", "waiting"));
	}

	@Test
	void aWorkflowWithoutGroupsHasNone() {
		assertThat(workflow(Levels.class).groups()).hasSize(1);
		assertThat(new Workflow("W", Object.class, "W", "state", String.class, List.of("A"), "A", List.of()).groups())
			.isEmpty();
	}

	@Test
	void everyMistakeInGroupsIsReported() {
		assertThat(problems(BadGroups.class)).containsExactly(
				"Workflow 'BadGroups.state' has state group 'EMPTY' with no states; write @StateGroup(value ="
						+ " \"EMPTY\", states = {..})",
				"Workflow 'BadGroups.state' has a state group named '*'; a group needs a name that is no wildcard",
				"Workflow 'BadGroups.state': @StateGroup(\"LOOSE\") on the constant B names states [C]; on an enum"
						+ " constant, the constant is the state in the group",
				"Workflow 'BadGroups.state' has a state group 'A' named like one of its states; give the group"
						+ " another name",
				"Workflow 'BadGroups.state': state group 'TYPO' names 'Z', which is neither a state [A, B, C, D] nor"
						+ " a state group [EMPTY, A, TYPO, LEFT, RIGHT, LOOP, ROUND]",
				"Workflow 'BadGroups.state': state group 'LOOP' holds itself through its nested groups; groups nest"
						+ " one way",
				"Workflow 'BadGroups.state': state group 'ROUND' holds itself through its nested groups; groups nest"
						+ " one way",
				"Workflow 'BadGroups.state': state groups 'LEFT' and 'RIGHT' share [B] but neither holds the other;"
						+ " groups nest or are apart, as a state has one chain of parents");
	}

	@Test
	void onlyASourceMayNameAGroup() {
		String notAState = " is a state group of workflow 'GroupAsTarget.state', not a state; only a transition's"
				+ " source may name a group";
		assertThat(problems(GroupAsTarget.class)).containsExactly("initial state 'OPEN'" + notAState,
				"Start state 'OPEN'" + notAState,
				"Transition 'reopen' of workflow 'GroupAsTarget.state' target 'OPEN'" + notAState,
				"Transition 'reopen' of workflow 'GroupAsTarget.state' onError state 'OPEN'" + notAState);
	}

	@Test
	void aGroupThatHoldsOnlyAnEmptyGroupHoldsNoState() {
		assertThat(problems(HoldsNothing.class)).containsExactly(
				"Workflow 'HoldsNothing.state' has state group 'EMPTY' with no states; write @StateGroup(value ="
						+ " \"EMPTY\", states = {..})",
				"Workflow 'HoldsNothing.state': state group 'OUTER' holds no state");
	}

	@Test
	void aGroupAndOneOfItsStatesMayNotStartStackedDeclarationsOfOneTransition() {
		assertThat(problems(Overlapping.class)).containsExactly(
				"Transition 'cancel' of workflow 'Overlapping.state' has 2 stacked declarations that start from state"
						+ " 'PROCESSING'; each state may start at most one");
	}

	private Workflow workflow(Class<?> type) {
		return build(type).workflowsOf(type).get(0).view();
	}

	private WorkflowRegistry build(Class<?> type) {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.guards, false);
		introspector.addEntityType(type);
		return introspector.build();
	}

	private List<String> problems(Class<?> type) {
		try {
			build(type);
		}
		catch (WorkflowDefinitionException ex) {
			return ex.getProblems();
		}
		throw new AssertionError("expected problems in " + type.getSimpleName());
	}

	enum OrderState {

		PLACED, PROCESSING, SENT, DELIVERED, CANCELLED, ARCHIVED

	}

	enum Phase {

		NEW, DONE

	}

	static class Order {

		@StateField
		@StateGroup(value = "OPEN", states = { "SENT", "PLACED", "PROCESSING" })
		@StateGroup(value = "DONE", states = { "DELIVERED", "CANCELLED" })
		OrderState state = OrderState.PLACED;

		@Transition(source = "PLACED", target = "PROCESSING")
		public void process() {
		}

		@Transition(source = "PROCESSING", target = "SENT")
		public void send() {
		}

		@Transition(source = "SENT", target = "DELIVERED")
		public void deliver() {
		}

		@Transition(source = "OPEN", target = "CANCELLED")
		public void cancel() {
		}

		@Transition(source = { "DONE", "SENT" }, target = "ARCHIVED")
		public void archive() {
		}

	}

	enum MachineState {

		@StateGroup("S0")
		@StateGroup("S1")
		S11,

		@StateGroup("S1")
		S12,

		@StateGroup("S21")
		S211,

		@StateGroup("S21")
		S212

	}

	static class Machine {

		@StateField
		@StateGroup(value = "S0", states = { "S1", "S2" })
		@StateGroup(value = "S2", states = "S21")
		MachineState state = MachineState.S11;

		@Transition(source = "S1", target = "S211")
		public void f() {
		}

		@Transition(source = "S2", target = "S11")
		public void c() {
		}

		@Transition(source = "S11", target = "S12")
		public void i() {
		}

		@Transition(source = "S211", target = "S212")
		public void j() {
		}

	}

	static class SameStates {

		@StateField
		@StateGroup(value = "OUTER", states = { "NEW", "DONE" })
		@StateGroup(value = "INNER", states = { "NEW", "DONE" })
		Phase state = Phase.NEW;

		@Transition(source = "NEW", target = "DONE")
		public void finish() {
		}

	}

	static class Levels {

		@StateField(states = { "1", "2", "3" })
		@StateGroup(value = "LOW", states = { "1", "2" })
		int level = 1;

		@Transition(source = "LOW", target = "3")
		public void raise() {
		}

		@Transition(source = "1", target = "2")
		public void step() {
		}

	}

	static class Ticket {

		@StateField
		@StateGroup(value = "active", states = { "open", "waiting" })
		String status = "new";

		@Transition(source = "new", target = "open")
		public void open() {
		}

		@Transition(source = "open", target = "waiting")
		public void await() {
		}

		@Transition(source = "active", target = "closed")
		public void close() {
		}

	}

	enum Letter {

		A,

		@StateGroup(value = "LOOSE", states = "C")
		B,

		C, D

	}

	static class BadGroups {

		@StateField
		@StateGroup("EMPTY")
		@StateGroup(value = "*", states = "A")
		@StateGroup(value = "A", states = "B")
		@StateGroup(value = "TYPO", states = "Z")
		@StateGroup(value = "LEFT", states = { "A", "B" })
		@StateGroup(value = "RIGHT", states = { "B", "C" })
		@StateGroup(value = "LOOP", states = { "D", "ROUND" })
		@StateGroup(value = "ROUND", states = "LOOP")
		Letter state = Letter.A;

		@Transition(source = "A", target = "B")
		public void ab() {
		}

		@Transition(source = "B", target = "C")
		public void bc() {
		}

		@Transition(source = "C", target = "D")
		public void cd() {
		}

	}

	static class GroupAsTarget {

		@StateField(initial = "OPEN", startStates = "OPEN")
		@StateGroup(value = "OPEN", states = { "PLACED", "PROCESSING" })
		OrderState state = OrderState.PLACED;

		@Transition(source = "DELIVERED", target = "OPEN", onError = "OPEN")
		public void reopen() {
		}

	}

	static class HoldsNothing {

		@StateField
		@StateGroup(value = "OUTER", states = "EMPTY")
		@StateGroup("EMPTY")
		Phase state = Phase.NEW;

		@Transition(source = "NEW", target = "DONE")
		public void finish() {
		}

	}

	static class Overlapping {

		@StateField
		@StateGroup(value = "OPEN", states = { "PLACED", "PROCESSING" })
		OrderState state = OrderState.PLACED;

		@Transition(source = "OPEN", target = "CANCELLED")
		@Transition(source = "PROCESSING", target = "DELIVERED")
		public String cancel() {
			return "CANCELLED";
		}

	}

}
