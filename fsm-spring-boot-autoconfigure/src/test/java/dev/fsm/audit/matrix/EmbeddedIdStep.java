package dev.fsm.audit.matrix;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;

/** An assigned composite id (@EmbeddedId), a Short version. */
@Entity
public class EmbeddedIdStep extends StepEntity {

	@EmbeddedId
	private StepKey key;

	@Version
	private Short version;

	protected EmbeddedIdStep() {
	}

	static EmbeddedIdStep create() {
		EmbeddedIdStep step = new EmbeddedIdStep();
		step.key = StepKey.next();
		return step;
	}

	@Override
	public Object id() {
		return this.key;
	}

	@Override
	public Long versionNumber() {
		return (this.version != null) ? this.version.longValue() : null;
	}

}
