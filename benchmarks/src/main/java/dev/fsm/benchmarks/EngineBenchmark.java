package dev.fsm.benchmarks;

import java.util.List;
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

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;

/**
 * The engine alone, on a plain object (no database, no transaction): a direct method call
 * against a transition fired through {@code on(entity)} and by name, and the cost of creating
 * the {@code on(entity)} view. The {@code review*} benchmarks fire a transition with what a real
 * one has: an authenticated user, a permission on that user, a condition, and one listener for
 * each of the two events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineBenchmark {

	/** Spring Boot's database auto-configurations and the hand-written service off: a plain object needs none. */
	static final String[] WITHOUT_DATABASE = { "benchmarks.database=false", "spring.autoconfigure.exclude="
			+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
			+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
			+ "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" };

	private ConfigurableApplicationContext context;

	private Transitions transitions;

	private Lamp lamp;

	private Lamp view;

	private Review review;

	private Form form;

	/** The current user of the thread that runs the benchmark. */
	@State(Scope.Thread)
	public static class AuthenticatedUser {

		@Setup(Level.Trial)
		public void logIn() {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
						AuthorityUtils.createAuthorityList("ROLE_AUTHOR")));
		}

		@TearDown(Level.Trial)
		public void logOut() {
			SecurityContextHolder.clearContext();
		}

	}

	@Setup(Level.Trial)
	public void start() {
		this.context = BenchmarkApplication.start(WITHOUT_DATABASE);
		this.transitions = this.context.getBean(Transitions.class);
		this.context.getBean(ReviewListeners.class);
		this.lamp = new Lamp();
		this.view = this.transitions.on(this.lamp);
		this.review = new Review();
		this.form = new Form();
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

	/** The transitions the user may fire now, of a workflow with 10 guarded transitions possible from every state. */
	@Benchmark
	public List<TransitionRoute> allowedOf10Transitions(AuthenticatedUser user) {
		return this.transitions.allowed(this.form);
	}

	@Benchmark
	public Object reviewByName(AuthenticatedUser user) {
		return this.transitions.fire(this.review, "submit");
	}

	@Benchmark
	public void reviewThroughNewView(AuthenticatedUser user) {
		this.transitions.on(this.review).submit();
	}

}
