package dev.fsm.benchmarks.statemachine;

import java.lang.management.ManagementFactory;

/**
 * {@link StatemachineBenchmark}'s cycle timed by the CPU time of the process (all its threads)
 * rather than by the clock, as {@code CpuTime} of the starter's benchmarks: warmed up, then run
 * {@value #RUNS} times; prints nanoseconds of CPU per cycle.
 */
public final class CpuTime {

	static final int RUNS = 100_000;

	private CpuTime() {
	}

	public static void main(String[] args) throws Exception {
		StatemachineBenchmark benchmark = new StatemachineBenchmark();
		benchmark.build();
		for (int i = 0; i < RUNS / 2; i++) {
			benchmark.perEntityCycle();
		}
		long start = cpuTime();
		for (int i = 0; i < RUNS; i++) {
			benchmark.perEntityCycle();
		}
		System.out.printf("cpu %-32s %8d ns/op%n", "StatemachineBenchmark.perEntityCycle", (cpuTime() - start) / RUNS);
	}

	private static long cpuTime() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
