package dev.fsm.audit.matrix;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An assigned Long id, a short version. */
@Entity
public class AssignedLongStep extends StepEntity {

	private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

	@Id
	private Long counter;

	@Version
	private short version;

	protected AssignedLongStep() {
	}

	static AssignedLongStep create() {
		AssignedLongStep step = new AssignedLongStep();
		step.counter = NEXT.incrementAndGet();
		return step;
	}

	@Override
	public Object id() {
		return this.counter;
	}

	@Override
	public Long versionNumber() {
		return (long) this.version;
	}

}
