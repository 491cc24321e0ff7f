package dev.fsm.audit.matrix;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An assigned String id and no @Version: steps are counted. */
@Entity
public class UnversionedStep extends StepEntity {

	@Id
	private String code;

	protected UnversionedStep() {
	}

	static UnversionedStep create() {
		UnversionedStep step = new UnversionedStep();
		step.code = "U-" + UUID.randomUUID();
		return step;
	}

	@Override
	public Object id() {
		return this.code;
	}

	@Override
	public Long versionNumber() {
		return null;
	}

}
