package dev.fsm.benchmarks.statemachine;

import java.util.ArrayList;
import java.util.List;

import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;

import dev.fsm.benchmarks.statemachine.PaperWorkflow.Event;
import dev.fsm.benchmarks.statemachine.PaperWorkflow.Paper;

/**
 * The heap a live entity costs when it keeps its own restored machine (what an application
 * holds to avoid the per-call cycle): {@value #ENTITIES} papers with a started machine each,
 * against {@value #ENTITIES} papers alone. Prints one line: bytes per entity.
 */
public final class RetainedHeap {

	static final int ENTITIES = 10_000;

	private RetainedHeap() {
	}

	public static void main(String[] args) throws Exception {
		StateMachineFactory<PaperWorkflow.State, Event> factory = PaperWorkflow.factory();
		DefaultStateMachinePersister<PaperWorkflow.State, Event, Paper> persister = new DefaultStateMachinePersister<>(
				new PaperWorkflow.PaperPersist());
		persister.restore(factory.getStateMachine(), new Paper());
		List<Object> papers = new ArrayList<>(ENTITIES);
		long before = usedHeap();
		for (int i = 0; i < ENTITIES; i++) {
			papers.add(new Paper());
		}
		long plain = usedHeap() - before;
		List<Object> machines = new ArrayList<>(ENTITIES);
		before = usedHeap();
		for (Object paper : papers) {
			StateMachine<PaperWorkflow.State, Event> machine = factory.getStateMachine();
			persister.restore(machine, (Paper) paper);
			machines.add(machine);
		}
		long withMachines = usedHeap() - before;
		System.out.printf("Spring Statemachine: %d bytes per live entity (a paper alone: %d bytes)%n",
				withMachines / ENTITIES, plain / ENTITIES);
		if (machines.size() != papers.size()) {
			throw new IllegalStateException();
		}
	}

	static long usedHeap() {
		for (int i = 0; i < 5; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
