package dev.fsm.benchmarks;

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

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.Transitions;

/**
 * One committed state change of a JPA entity on H2: by hand (load, set the field, commit) against
 * the same change as a transition (load, fire, commit), with the audit trail on and off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JpaBenchmark {

	@Param({ "true", "false" })
	public boolean audit;

	private ConfigurableApplicationContext context;

	private Transitions transitions;

	private TransactionTemplate transaction;

	private EntityManager entityManager;

	private Long id;

	@Setup(Level.Trial)
	public void start() {
		this.context = BenchmarkApplication.start("fsm.audit.enabled=" + this.audit);
		this.transitions = this.context.getBean(Transitions.class);
		this.transaction = this.context.getBean(TransactionTemplate.class);
		this.entityManager = this.context.getBean(EntityManager.class);
		this.id = this.context.getBean(ArticleRepository.class).save(new Article()).id;
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public Object stateChangeByHand() {
		return this.transaction.execute((status) -> {
			Article article = this.entityManager.find(Article.class, this.id);
			article.state = "DRAFT".equals(article.state) ? "LIVE" : "DRAFT";
			return article;
		});
	}

	@Benchmark
	public Object stateChangeByTransition() {
		return this.transaction.execute((status) -> {
			Article article = this.entityManager.find(Article.class, this.id);
			this.transitions.on(article).toggle();
			return article;
		});
	}

}
