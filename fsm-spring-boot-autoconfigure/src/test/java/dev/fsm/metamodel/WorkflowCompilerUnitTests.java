package dev.fsm.metamodel;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;

import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.TransitionRoute;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the compiler makes of declarations, without a Spring context: states, order,
 * routes, wildcards, targets, the guards that need arguments, start states.
 */
class WorkflowCompilerUnitTests {

	private final WorkflowModel workflow = compile(Parcel.class);

	@Test
	void derivesTheStatesOfAnOpenWorkflowFromInitialStartAndTransitionStatesInNameOrder() {
		// initial, start states, then the states of deliver, giveBack, inspect, lose,
		// reroute, ship
		assertThat(this.workflow.states()).containsExactly("PACKED", "IMPORTED", "SHIPPED", "DELIVERED", "RETURNED",
				"LOST");
		assertThat(this.workflow.initialState()).isEqualTo("PACKED");
		assertThat(this.workflow.isState("SHIPPED")).isTrue();
		assertThat(this.workflow.isState("HACKED")).isFalse();
		assertThat(this.workflow.isState(null)).isFalse();
	}

	@Test
	void ordersTransitionsByTheFirstStateTheyLeaveThenByName() {
		assertThat(this.workflow.transitions()).extracting(TransitionModel::name)
			.containsExactly("giveBack", "inspect", "ship", "deliver", "lose", "reroute");
	}

	@Test
	void wildcardsMatchEveryStateOrEveryStateButTheTarget() {
		RouteModel inspect = route("inspect");
		assertThat(inspect.matches("PACKED")).isTrue();
		assertThat(inspect.matches("LOST")).isTrue();
		assertThat(inspect.matches(null)).isFalse();
		RouteModel giveBack = route("giveBack");
		assertThat(giveBack.matches("SHIPPED")).isTrue();
		assertThat(giveBack.matches("RETURNED")).isFalse();
		assertThat(giveBack.view().sources()).containsExactly("PACKED", "IMPORTED", "SHIPPED", "DELIVERED", "LOST");
	}

	@Test
	void aCheckOnlyRouteTargetsItsSourceAndADynamicOneNothingUntilTheBodyChose() {
		assertThat(route("inspect").targetName("SHIPPED", this.workflow.state())).isEqualTo("SHIPPED");
		RouteModel reroute = route("reroute");
		assertThat(reroute.isDynamic()).isTrue();
		assertThat(reroute.targetName("SHIPPED", this.workflow.state())).isNull();
		assertThat(reroute.targets()).containsExactly("DELIVERED", "RETURNED");
	}

	@Test
	void stackedDeclarationsAreRoutesOfOneTransition() {
		TransitionModel ship = this.workflow.transition("ship");
		assertThat(ship).isNotNull();
		assertThat(ship.routes()).hasSize(2);
		assertThat(ship.routeFor("PACKED")).isNotNull().satisfies((route) -> assertThat(route.permission()).isNull());
		assertThat(ship.routeFor("IMPORTED")).isNotNull()
			.satisfies((route) -> assertThat(route.conditions()).extracting(TransitionCondition::expression)
				.containsExactly("#carrier != null"));
		assertThat(this.workflow.view().transitions("ship")).extracting(TransitionRoute::sources)
			.containsExactly(List.of("PACKED"), List.of("IMPORTED"));
	}

	@Test
	void knowsWhichGuardsReadTheMethodsArguments() {
		RouteModel fromImported = this.workflow.transition("ship").routeFor("IMPORTED");
		assertThat(fromImported.guardsNeedingInput()).containsExactly("#carrier != null");
		RouteModel lose = route("lose");
		assertThat(lose.guardsNeedingInput()).isEmpty();
		assertThat(lose.conditions()).singleElement()
			.satisfies((condition) -> assertThat(lose.needsInput(condition)).isFalse());
	}

	@Test
	void aNewEntityMayStartInTheInitialStateOrADeclaredStartState() {
		assertThat(this.workflow.mayStartIn("PACKED")).isTrue();
		assertThat(this.workflow.mayStartIn("IMPORTED")).isTrue();
		assertThat(this.workflow.mayStartIn("SHIPPED")).isFalse();
		assertThat(this.workflow.startStates()).containsExactly("IMPORTED");
	}

	private RouteModel route(String transition) {
		TransitionModel model = this.workflow.transition(transition);
		assertThat(model).isNotNull();
		return model.routes().get(0);
	}

	private static WorkflowModel compile(Class<?> type) {
		GuardEvaluationContexts contexts = new GuardEvaluationContexts(
				new BeanFactoryResolver(new DefaultListableBeanFactory()));
		WorkflowIntrospector introspector = new WorkflowIntrospector(new SpelGuardCompiler(contexts, null), true);
		introspector.addEntityType(type);
		return introspector.build().workflowsOf(type).get(0);
	}

	static class Parcel {

		@StateField(startStates = "IMPORTED")
		String state = "PACKED";

		String tracking;

		@Transition(source = "*")
		public void inspect() {
		}

		@Transition(source = "PACKED", target = "SHIPPED")
		@Transition(source = "IMPORTED", target = "SHIPPED", conditions = "#carrier != null")
		public void ship(String carrier) {
		}

		@Transition(source = "SHIPPED", target = "LOST", conditions = "tracking == null")
		public void lose() {
		}

		@Transition(source = "SHIPPED", target = "DELIVERED")
		public void deliver() {
		}

		@Transition(source = "SHIPPED", target = { "DELIVERED", "RETURNED" })
		public String reroute(boolean home) {
			return home ? "RETURNED" : "DELIVERED";
		}

		@Transition(source = "+", target = "RETURNED")
		public void giveBack() {
		}

	}

}
