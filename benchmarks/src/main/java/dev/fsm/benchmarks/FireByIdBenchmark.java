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

import dev.fsm.EntityRef;
import dev.fsm.Transitions;

/**
 * The controller's path: an id comes in, the entity's state changes, the transaction commits, on
 * H2 and on PostgreSQL. A hand-written service (one transaction: load, check the state, set it,
 * and with a history the same history row as the audit trail's) against firing by id, and
 * against the idiom firing by id replaces (load with the repository, then fire: two
 * transactions, two reads).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FireByIdBenchmark {

	@Param({ "false", "true" })
	public boolean audit;

	@Param({ "h2", "postgres" })
	public String database;

	private ConfigurableApplicationContext context;

	private Transitions transitions;

	private TransactionTemplate transaction;

	private HandWrittenService handWritten;

	private EntityManager entityManager;

	private ArticleRepository articles;

	private long[] articleIds;

	private long[] plainIds;

	private int next;

	@Setup(Level.Trial)
	public void start() {
		this.context = BenchmarkApplication.start(Databases.properties(this.database, "fsm.audit.enabled=" + this.audit));
		this.handWritten = this.context.getBean(HandWrittenService.class);
		this.transitions = this.context.getBean(Transitions.class);
		this.transaction = this.context.getBean(TransactionTemplate.class);
		this.entityManager = this.context.getBean(EntityManager.class);
		this.articles = this.context.getBean(ArticleRepository.class);
		this.articleIds = new long[JpaBenchmark.ARTICLES];
		this.plainIds = new long[JpaBenchmark.ARTICLES];
		this.transaction.executeWithoutResult((status) -> {
			for (int i = 0; i < JpaBenchmark.ARTICLES; i++) {
				Article article = new Article();
				PlainArticle plain = new PlainArticle();
				this.entityManager.persist(article);
				this.entityManager.persist(plain);
				this.articleIds[i] = article.id;
				this.plainIds[i] = plain.id;
			}
		});
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	private int nextIndex() {
		this.next = (this.next + 1) % JpaBenchmark.ARTICLES;
		return this.next;
	}

	/** What a competent hand-written service does: one transaction, the same SQL. */
	@Benchmark
	public Object handWrittenService() {
		return this.handWritten.toggle(this.plainIds[nextIndex()]);
	}

	@Benchmark
	public Object fireById() {
		return this.transitions.fire(EntityRef.of(Article.class, this.articleIds[nextIndex()]), "toggle");
	}

	/** The idiom firing by id replaces: the repository's transaction, then the transition's. */
	@Benchmark
	public Object loadThenFire() {
		Article article = this.articles.findById(this.articleIds[nextIndex()]).orElseThrow();
		return this.transitions.fire(article, "toggle");
	}

}
