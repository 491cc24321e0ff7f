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
 * One committed state change of a JPA entity on H2: by hand on an entity without a workflow
 * (load, set the field, commit) against
 * the same change as a transition (load, fire, commit), with the audit trail on and off. Each
 * operation takes the next of {@value #ARTICLES} articles, so every article's history stays as
 * short as a real entity's (a few dozen transitions over a run).
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

	static final int ARTICLES = 10_000;

	private long[] ids;

	private long[] plainIds;

	private int next;

	@Setup(Level.Trial)
	public void start() {
		this.context = BenchmarkApplication.start("fsm.audit.enabled=" + this.audit);
		this.transitions = this.context.getBean(Transitions.class);
		this.transaction = this.context.getBean(TransactionTemplate.class);
		this.entityManager = this.context.getBean(EntityManager.class);
		this.ids = new long[ARTICLES];
		this.plainIds = new long[ARTICLES];
		this.transaction.executeWithoutResult((status) -> {
			for (int i = 0; i < ARTICLES; i++) {
				Article article = new Article();
				PlainArticle plain = new PlainArticle();
				this.entityManager.persist(article);
				this.entityManager.persist(plain);
				this.ids[i] = article.id;
				this.plainIds[i] = plain.id;
			}
		});
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	private long nextId() {
		this.next = (this.next + 1) % ARTICLES;
		return this.ids[this.next];
	}

	/** The same change on an entity without a workflow (the starter refuses it on one that has). */
	@Benchmark
	public Object stateChangeByHand() {
		long id = this.plainIds[(this.next = (this.next + 1) % ARTICLES)];
		return this.transaction.execute((status) -> {
			PlainArticle article = this.entityManager.find(PlainArticle.class, id);
			article.state = "DRAFT".equals(article.state) ? "LIVE" : "DRAFT";
			return article;
		});
	}

	@Benchmark
	public Object stateChangeByTransition() {
		return this.transaction.execute((status) -> {
			Article article = this.entityManager.find(Article.class, nextId());
			this.transitions.on(article).toggle();
			return article;
		});
	}

}
