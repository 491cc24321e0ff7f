package dev.fsm.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import dev.fsm.Transitions;

/**
 * The heap a live entity costs this starter: {@value #ENTITIES} papers that each went through a
 * transition, against {@value #ENTITIES} papers alone. The comparison's other half is
 * {@code RetainedHeap} in {@code benchmarks-statemachine}. Prints one line: bytes per entity.
 */
public final class RetainedHeap {

	static final int ENTITIES = 10_000;

	private RetainedHeap() {
	}

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(EngineBenchmark.WITHOUT_DATABASE)) {
			Transitions transitions = context.getBean(Transitions.class);
			transitions.on(new Paper()).submit();
			List<Paper> papers = new ArrayList<>(ENTITIES);
			long before = usedHeap();
			for (int i = 0; i < ENTITIES; i++) {
				papers.add(new Paper());
			}
			long plain = usedHeap() - before;
			List<Paper> moved = new ArrayList<>(ENTITIES);
			before = usedHeap();
			for (int i = 0; i < ENTITIES; i++) {
				Paper paper = new Paper();
				transitions.on(paper).submit();
				moved.add(paper);
			}
			long withWorkflow = usedHeap() - before;
			System.out.printf("fsm-spring-boot-starter: %d bytes per live entity beyond the entity itself"
					+ " (a paper alone: %d bytes)%n", Math.max(0, (withWorkflow - plain) / ENTITIES), plain / ENTITIES);
			if (moved.size() != papers.size()) {
				throw new IllegalStateException();
			}
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
