package dev.fsm.examples.showcase;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.fsm.EntityRef;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.Transitions;
import dev.fsm.Workflow;

import static dev.fsm.test.WorkflowAssertions.assertThat;
import static dev.fsm.test.WorkflowAssertions.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scenarios of Spring Statemachine's {@code ShowcaseTests}: the same events in, the same
 * states out, where the original's {@code machine.getState().getIds()} (the active state and its
 * parents) is the entity's state with the groups it is in. Then what the original could not
 * show: the audit trail of a run, the reason an event is refused, and the groups over HTTP.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShowcaseTests {

	@Autowired
	Transitions transitions;

	@Autowired
	MachineRepository machines;

	@Autowired
	MockMvc mvc;

	private Long id;

	@BeforeEach
	void start() {
		this.id = this.machines.save(new Machine()).getId();
	}

	@Test
	void initialState() {
		assertThat(ids()).containsExactly("S0", "S1", "S11");
		assertThat(machine().getFoo()).isZero();
	}

	@Test
	void a() {
		// foo is 0: the guard refuses the transition
		assertThat(send("a")).isFalse();
		assertThat(ids()).containsExactly("S0", "S1", "S11");
	}

	@Test
	void b() {
		assertThat(send("b")).isTrue();
		assertThat(ids()).containsExactly("S0", "S1", "S11");
	}

	@Test
	void chca() {
		send("c");
		send("h");
		send("c");
		assertThat(send("a")).isTrue();
		assertThat(ids()).containsExactly("S0", "S1", "S11");
		assertThat(machine().getFoo()).isOne();
	}

	@Test
	void c() {
		assertThat(send("c")).isTrue();
		assertThat(ids()).containsExactly("S0", "S2", "S21", "S211");
	}

	@Test
	void cc() {
		send("c");
		assertThat(ids()).containsExactly("S0", "S2", "S21", "S211");
		assertThat(send("c")).isTrue();
		assertThat(ids()).containsExactly("S0", "S1", "S11");
	}

	@Test
	void d() {
		assertThat(send("d")).isTrue();
		assertThat(ids()).containsExactly("S0", "S1", "S11");
	}

	@Test
	void cd() {
		send("c");
		assertThat(send("d")).isTrue();
		assertThat(ids()).containsExactly("S0", "S2", "S21", "S211");
	}

	@Test
	void i() {
		assertThat(send("i")).isTrue();
		assertThat(ids()).containsExactly("S0", "S1", "S12");
	}

	@Test
	void ii() {
		send("i");
		assertThat(ids()).containsExactly("S0", "S1", "S12");
		assertThat(send("i")).isTrue();
		assertThat(ids()).containsExactly("S0", "S2", "S21", "S212");
	}

	@Test
	void h() {
		// S1's internal transition: nothing changes
		assertThat(send("h")).isTrue();
		assertThat(ids()).containsExactly("S0", "S1", "S11");
		assertThat(machine().getFoo()).isZero();
	}

	@Test
	void ch() {
		send("c");
		// S2's guard (foo is 1) fails, S0's (foo is 0) holds: foo becomes 1
		assertThat(send("h")).isTrue();
		assertThat(ids()).containsExactly("S0", "S2", "S21", "S211");
		assertThat(machine().getFoo()).isOne();
	}

	@Test
	void ach() {
		send("a");
		send("c");
		assertThat(send("h")).isTrue();
		// no state in S2 takes A: one transition of the two events
		assertThat(send("a")).isFalse();
		assertThat(machine().getFoo()).isOne();
		assertThat(history(machine())).containsExactlyTransitions("c", "h");
	}

	@Test
	void e() {
		assertThat(send("e")).isTrue();
		assertThat(ids()).containsExactly("S0", "S2", "S21", "S211");
	}

	@Test
	void f() {
		assertThat(send("f")).isTrue();
		assertThat(ids()).containsExactly("S0", "S2", "S21", "S211");
	}

	@Test
	void g() {
		assertThat(send("g")).isTrue();
		assertThat(ids()).containsExactly("S0", "S2", "S21", "S211");
	}

	// what the original could not show

	@Test
	void theConsoleSessionOfTheReferenceGuideLeavesThisAuditTrail() {
		// start, event A, event C, event H, event C, event A
		send("a");
		send("c");
		send("h");
		send("c");
		send("a");
		assertThat(ids()).containsExactly("S0", "S1", "S11");
		assertThat(history(machine())).containsExactlyTransitions("c", "h", "c", "a");
		assertThat(this.transitions.history(machine())).extracting((record) -> record.sourceState() + ">" + record.targetState())
			.containsExactly("S11>S11", "S211>S11", "S211>S211", "S11>S211");
	}

	@Test
	void aRefusedEventSaysWhy() {
		assertThatExceptionOfType(TransitionConditionException.class)
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(Machine.class, this.id), "a"))
			.withMessageContaining("foo == 1");
		send("c");
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(Machine.class, this.id), "a"))
			.withMessage("Transition 'a' is not allowed from state 'S211' on Machine#" + this.id
					+ " (allowed from: S11, S12)");
	}

	@Test
	void theParentStatesAreGroupsThatNest() {
		Workflow workflow = this.transitions.workflow(Machine.class);
		assertThat(workflow.groups()).containsExactly(
				new Workflow.Group("S0", List.of("S11", "S12", "S211", "S212"), null),
				new Workflow.Group("S1", List.of("S11", "S12"), "S0"),
				new Workflow.Group("S2", List.of("S211", "S212"), "S0"),
				new Workflow.Group("S21", List.of("S211", "S212"), "S2"));
		assertThat(this.transitions.isIn(machine(), "S1")).isTrue();
		assertThat(this.transitions.isIn(machine(), "S2")).isFalse();
	}

	@Test
	void theOperatorCountsMachinesInEachParentStateAndSeesThemNestedInTheDiagram() throws Exception {
		this.machines.deleteAll();
		this.machines.save(new Machine());
		this.id = this.machines.save(new Machine()).getId();
		send("c");
		this.mvc.perform(get("/api/workflows/Machine.state/groups").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].group", contains("S0", "S1", "S2", "S21")))
			.andExpect(jsonPath("$[*].parent", contains(null, "S0", "S0", "S2")))
			.andExpect(jsonPath("$[*].count", contains(2, 1, 1, 1)));
		this.mvc.perform(get("/api/workflows/Machine.state").param("group", "S2").with(user("operator").roles("OPERATOR")))
			.andExpect(jsonPath("$.content[*].id", contains(this.id.toString())));
		this.mvc.perform(get("/api/workflows/Machine.state/diagram").accept("text/vnd.mermaid")
			.with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(containsString("""
					    state S0 {
					        state S1 {
					            S11
					            S12
					        }
					        state S2 {
					            state S21 {
					                S211
					                S212
					            }
					        }
					    }
					""")))
			.andExpect(content().string(containsString("    S2 --> S11 : C\n")));
		this.mvc.perform(get("/api/workflows/Machine.state/diagram").with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(containsString("data-group=\"S21\" data-parent=\"S2\"")));
	}

	/** Fires an event; {@code false} when the machine does not accept it, as the original's sendEvent. */
	private boolean send(String event) {
		try {
			this.transitions.fire(EntityRef.of(Machine.class, this.id), event);
			return true;
		}
		catch (TransitionNotAllowedException | TransitionConditionException refused) {
			return false;
		}
	}

	/** The state and the groups it is in, outermost first: the original's {@code getState().getIds()}. */
	private List<String> ids() {
		Machine machine = machine();
		String state = machine.getState().name();
		List<String> ids = new ArrayList<>();
		this.transitions.workflow(Machine.class).groupsOf(state).forEach((group) -> ids.add(group.name()));
		ids.add(state);
		return ids;
	}

	private Machine machine() {
		return this.machines.findById(this.id).orElseThrow();
	}

}
