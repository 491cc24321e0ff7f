package dev.fsm.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.EntityRef;
import dev.fsm.Transitions;

/**
 * Throughput under contention on PostgreSQL: {@value #THREADS} threads fire random transitions
 * (each possible from every state) on random entities of {@value #ENTITIES}, by id, against the
 * hand-written service doing the same. A transition that loses to a concurrent one on the same
 * entity (optimistic locking; for the hand-written service also the unique step of its history
 * row) is tried again on another entity, so every operation is one committed transition. Transitions per second; higher is better.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(ContentionBenchmark.THREADS)
public class ContentionBenchmark {

	static final int THREADS = 8;

	static final int ENTITIES = 1_000;

	private static final String[] TRANSITIONS = { "forward", "back" };

	@Param({ "true" })
	public boolean audit;

	@Param({ "postgres" })
	public String database;

	private ConfigurableApplicationContext context;

	private Transitions transitions;

	private HandWrittenService handWritten;

	private long[] taskIds;

	private long[] plainIds;

	@Setup(Level.Trial)
	public void start() {
		this.context = BenchmarkApplication.start(Databases.properties(this.database, "fsm.audit.enabled=" + this.audit,
				"spring.datasource.hikari.maximum-pool-size=" + (THREADS + 2)));
		this.transitions = this.context.getBean(Transitions.class);
		this.handWritten = this.context.getBean(HandWrittenService.class);
		EntityManager entityManager = this.context.getBean(EntityManager.class);
		this.taskIds = new long[ENTITIES];
		this.plainIds = new long[ENTITIES];
		this.context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
			for (int i = 0; i < ENTITIES; i++) {
				Task task = new Task();
				PlainTask plain = new PlainTask();
				entityManager.persist(task);
				entityManager.persist(plain);
				this.taskIds[i] = task.id;
				this.plainIds[i] = plain.id;
			}
		});
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public Object handWrittenService() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (true) {
			try {
				return this.handWritten.move(this.plainIds[random.nextInt(ENTITIES)], TRANSITIONS[random.nextInt(2)]);
			}
			catch (OptimisticLockingFailureException | DataIntegrityViolationException lost) {
				// another thread changed the same task (its history row, inserted first, may be what
				// collides): take another one
			}
		}
	}

	@Benchmark
	public Object fireById() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (true) {
			try {
				return this.transitions.fire(EntityRef.of(Task.class, this.taskIds[random.nextInt(ENTITIES)]),
						TRANSITIONS[random.nextInt(2)]);
			}
			catch (OptimisticLockingFailureException lost) {
				// another thread changed the same task: take another one
			}
		}
	}

}
