package dev.fsm.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.fsm.Transitions;

/**
 * The engine benchmarks' operations timed by the CPU time of the process rather than by the
 * clock: on a machine shared with other work (BENCHMARKS.md says when), the clock also counts the
 * time the benchmark waited for a core, the CPU time does not. Each operation is warmed up, then
 * run {@value #RUNS} times; prints nanoseconds of CPU per operation. The counterpart of
 * {@code CpuTime} in {@code benchmarks-statemachine}.
 */
public final class CpuTime {

	static final int RUNS = 1_000_000;

	private CpuTime() {
	}

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(EngineBenchmark.WITHOUT_DATABASE)) {
			Transitions transitions = context.getBean(Transitions.class);
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
						AuthorityUtils.createAuthorityList("ROLE_AUTHOR")));
			Lamp lamp = new Lamp();
			Lamp view = transitions.on(lamp);
			Review review = new Review();
			Form form = new Form();
			Paper paper = new Paper();
			transitions.on(paper).submit();
			time("createView", () -> transitions.on(lamp));
			time("transitionThroughView", view::toggle);
			time("transitionThroughNewView", () -> transitions.on(lamp).toggle());
			time("transitionByName", () -> transitions.fire(lamp, "toggle"));
			time("reviewThroughNewView", () -> {
				transitions.on(review).submit();
				return review;
			});
			time("reviewByName", () -> transitions.fire(review, "submit"));
			time("allowedOf10Transitions", () -> transitions.allowed(form));
			time("PaperBenchmark.perEntityCycle", () -> {
				if (paper.state == Paper.State.ADMIN_REVIEW) {
					transitions.on(paper).sendBack();
				}
				else {
					transitions.on(paper).submit();
				}
				return paper.state;
			});
		}
	}

	/** Where results go, so that the compiler cannot leave out what made them. */
	static Object sink;

	static void time(String name, Supplier<?> operation) {
		for (int i = 0; i < RUNS / 2; i++) {
			sink = operation.get();
		}
		long start = cpuTime();
		for (int i = 0; i < RUNS; i++) {
			sink = operation.get();
		}
		long perOperation = (cpuTime() - start) / RUNS;
		System.out.printf("cpu %-32s %8d ns/op%n", name, perOperation);
	}

	private static long cpuTime() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
