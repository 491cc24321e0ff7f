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
 * The engine alone, on a plain object (no database, no transaction): a direct method call
 * against a transition fired through {@code on(entity)} and by name, and the cost of creating
 * the {@code on(entity)} view.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineBenchmark {

	private ConfigurableApplicationContext context;

	private Transitions transitions;

	private Lamp lamp;

	private Lamp view;

	@Setup(Level.Trial)
	public void start() {
		this.context = BenchmarkApplication.start(
				"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
						+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
						+ "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");
		this.transitions = this.context.getBean(Transitions.class);
		this.lamp = new Lamp();
		this.view = this.transitions.on(this.lamp);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public int directCall() {
		return this.lamp.toggleDirectly();
	}

	@Benchmark
	public int transitionThroughView() {
		return this.view.toggle();
	}

	@Benchmark
	public int transitionThroughNewView() {
		return this.transitions.on(this.lamp).toggle();
	}

	@Benchmark
	public Object transitionByName() {
		return this.transitions.fire(this.lamp, "toggle");
	}

	@Benchmark
	public Lamp createView() {
		return this.transitions.on(this.lamp);
	}

}
