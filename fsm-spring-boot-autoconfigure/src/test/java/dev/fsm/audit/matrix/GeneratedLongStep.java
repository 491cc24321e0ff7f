package dev.fsm.audit.matrix;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A generated Long id, a Long version. */
@Entity
public class GeneratedLongStep extends StepEntity {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	protected GeneratedLongStep() {
	}

	static GeneratedLongStep create() {
		return new GeneratedLongStep();
	}

	@Override
	public Object id() {
		return this.id;
	}

	@Override
	public Long versionNumber() {
		return this.version;
	}

}
