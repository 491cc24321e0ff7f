package dev.fsm.audit.matrix;

import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.Embeddable;

/** A composite id: a region and a counter, unique per test run. */
@Embeddable
public class StepKey implements Serializable {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private static final String RUN = Long.toString(System.nanoTime(), 36);

	private String region;

	private int counter;

	protected StepKey() {
	}

	StepKey(String region, int counter) {
		this.region = region;
		this.counter = counter;
	}

	static StepKey next() {
		return new StepKey("r" + RUN, NEXT.incrementAndGet());
	}

	String getRegion() {
		return this.region;
	}

	int getCounter() {
		return this.counter;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StepKey key && this.region.equals(key.region) && this.counter == key.counter;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.region, this.counter);
	}

	@Override
	public String toString() {
		return this.region + "/" + this.counter;
	}

}
