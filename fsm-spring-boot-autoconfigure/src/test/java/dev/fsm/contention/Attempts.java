package dev.fsm.contention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the workers' attempts ended in, counted by outcome, with every untyped failure
 * kept whole: those are what the tests fail on.
 */
final class Attempts {

	private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

	private final List<Throwable> untyped = Collections.synchronizedList(new ArrayList<>());

	void count(String outcome) {
		this.outcomes.computeIfAbsent(outcome, (key) -> new AtomicLong()).incrementAndGet();
	}

	void untyped(Throwable failure) {
		count("untyped " + failure.getClass().getSimpleName());
		this.untyped.add(failure);
	}

	long of(String outcome) {
		AtomicLong count = this.outcomes.get(outcome);
		return (count != null) ? count.get() : 0;
	}

	long total() {
		return this.outcomes.values().stream().mapToLong(AtomicLong::get).sum();
	}

	List<Throwable> untyped() {
		return List.copyOf(this.untyped);
	}

	@Override
	public String toString() {
		return new java.util.TreeMap<>(this.outcomes).toString();
	}

}
