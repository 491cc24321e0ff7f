package dev.fsm.audit.matrix;

import java.io.Serializable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Version;

/** An assigned composite id (@IdClass), a Long version. */
@Entity
@IdClass(IdClassStep.Key.class)
public class IdClassStep extends StepEntity {

	@Id
	private String region;

	@Id
	private int counter;

	@Version
	private Long version;

	protected IdClassStep() {
	}

	static IdClassStep create() {
		IdClassStep step = new IdClassStep();
		StepKey key = StepKey.next();
		step.region = key.getRegion();
		step.counter = key.getCounter();
		return step;
	}

	@Override
	public Object id() {
		return new Key(this.region, this.counter);
	}

	@Override
	public Long versionNumber() {
		return this.version;
	}

	/** The id class: the entity's two id attributes. */
	public record Key(String region, int counter) implements Serializable {
	}

}
