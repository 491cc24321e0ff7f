package dev.fsm.audit.matrix;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An assigned String id, an Integer version. */
@Entity
public class AssignedStringStep extends StepEntity {

	@Id
	private String code;

	@Version
	private Integer version;

	protected AssignedStringStep() {
	}

	static AssignedStringStep create() {
		return create("C-" + UUID.randomUUID());
	}

	static AssignedStringStep create(String code) {
		AssignedStringStep step = new AssignedStringStep();
		step.code = code;
		return step;
	}

	@Override
	public Object id() {
		return this.code;
	}

	@Override
	public Long versionNumber() {
		return (this.version != null) ? this.version.longValue() : null;
	}

}
