package dev.fsm.audit.matrix;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An assigned UUID id, a long version. */
@Entity
public class AssignedUuidStep extends StepEntity {

	@Id
	private UUID id;

	@Version
	private long version;

	protected AssignedUuidStep() {
	}

	static AssignedUuidStep create() {
		AssignedUuidStep step = new AssignedUuidStep();
		step.id = UUID.randomUUID();
		return step;
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
