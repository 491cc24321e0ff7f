package dev.fsm.benchmarks.statemachine;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import reactor.core.publisher.Mono;

import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;

import dev.fsm.benchmarks.statemachine.PaperWorkflow.Event;
import dev.fsm.benchmarks.statemachine.PaperWorkflow.Paper;

/**
 * Spring Statemachine's per-entity cycle, the way its documentation keeps the state in the
 * entity: get a machine from the factory, restore the entity's state into it, send the event,
 * read the new state back into the entity. The paper moves between admin and author review, a
 * guarded and an unguarded transition in turn, as in {@code PaperBenchmark} of the starter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StatemachineBenchmark {

	private StateMachineFactory<PaperWorkflow.State, Event> factory;

	private StateMachinePersister<PaperWorkflow.State, Event, Paper> persister;

	private Paper paper;

	@Setup(Level.Trial)
	public void build() throws Exception {
		this.factory = PaperWorkflow.factory();
		this.persister = new DefaultStateMachinePersister<>(new PaperWorkflow.PaperPersist());
		this.paper = new Paper();
		this.paper.state = PaperWorkflow.State.ADMIN_REVIEW;
	}

	@Benchmark
	public PaperWorkflow.State perEntityCycle() throws Exception {
		Paper paper = this.paper;
		StateMachine<PaperWorkflow.State, Event> machine = this.factory.getStateMachine();
		this.persister.restore(machine, paper);
		machine.getExtendedState().getVariables().put("paper", paper);
		Event event = (paper.state == PaperWorkflow.State.ADMIN_REVIEW) ? Event.SEND_BACK : Event.SUBMIT;
		machine.sendEvent(Mono.just(MessageBuilder.withPayload(event).build())).blockLast();
		PaperWorkflow.State state = machine.getState().getId();
		if (state == paper.state) {
			throw new IllegalStateException("event " + event + " was not accepted in state " + paper.state);
		}
		paper.state = state;
		machine.stopReactively().block();
		return state;
	}

}
