package dev.fsm.audit.matrix;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A generated UUID id, an int version. */
@Entity
public class GeneratedUuidStep extends StepEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Version
	private int version;

	protected GeneratedUuidStep() {
	}

	static GeneratedUuidStep create() {
		return new GeneratedUuidStep();
	}

	@Override
	public Object id() {
		return this.id;
	}

	@Override
	public Long versionNumber() {
		return (long) this.version;
	}

}
