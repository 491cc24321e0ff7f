package dev.fsm.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;

import dev.fsm.Transitions;

/**
 * This starter's side of the comparison with Spring Statemachine's per-entity cycle
 * ({@code StatemachineBenchmark} in {@code benchmarks-statemachine}): the same paper, moved
 * between admin and author review, a guarded and an unguarded transition in turn, each through a
 * new {@code on(paper)} view (the README's idiom). Nothing is kept per entity: the state is the
 * paper's field, the workflow is shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PaperBenchmark {

	private ConfigurableApplicationContext context;

	private Transitions transitions;

	private Paper paper;

	@Setup(Level.Trial)
	public void start() {
		this.context = BenchmarkApplication.start(EngineBenchmark.WITHOUT_DATABASE);
		this.transitions = this.context.getBean(Transitions.class);
		this.paper = new Paper();
		this.transitions.on(this.paper).submit();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public Paper.State perEntityCycle() {
		Paper paper = this.paper;
		if (paper.state == Paper.State.ADMIN_REVIEW) {
			this.transitions.on(paper).sendBack();
		}
		else {
			this.transitions.on(paper).submit();
		}
		return paper.state;
	}

}
