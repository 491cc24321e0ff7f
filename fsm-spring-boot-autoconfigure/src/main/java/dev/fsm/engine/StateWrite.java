package dev.fsm.engine;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.fsm.metamodel.StateTimestamp;
import dev.fsm.metamodel.WorkflowModel;

/**
 * One state field the engine is writing on this thread: the entity, its workflow, the
 * value the engine last gave the field, and the version the entity had when the write
 * began. While it is {@link StateWrites running}, a flush may store that value and no
 * other.
 */
final class StateWrite {

	private final Object entity;

	private final WorkflowModel workflow;

	private final Function<Object, @Nullable Object> ids;

	private final Clock clock;

	private @Nullable Object expectedState;

	private @Nullable Object baselineVersion;

	private @Nullable StateWrite outer;

	StateWrite(Object entity, WorkflowModel workflow, Function<Object, @Nullable Object> ids,
			@Nullable Object currentState, @Nullable Object baselineVersion, Clock clock) {
		this.entity = entity;
		this.workflow = workflow;
		this.ids = ids;
		this.clock = clock;
		this.expectedState = currentState;
		this.baselineVersion = baselineVersion;
	}

	/**
	 * The running write this one is nested in, on the same thread; {@code null} for the
	 * outermost.
	 */
	@Nullable StateWrite outer() {
		return this.outer;
	}

	void nestIn(@Nullable StateWrite outer) {
		this.outer = outer;
	}

	Object entity() {
		return this.entity;
	}

	WorkflowModel workflow() {
		return this.workflow;
	}

	/**
	 * The value the engine last wrote to the state field; the only one a flush may store.
	 */
	@Nullable Object expectedState() {
		return this.expectedState;
	}

	/**
	 * Sets the state field and records that the engine wrote it; a changed state also
	 * sets the {@code @StateChangedAt} attribute.
	 */
	void write(@Nullable Object value) {
		this.expectedState = value;
		if (value != null) {
			Object before = this.workflow.state().get(this.entity);
			this.workflow.state().set(this.entity, value);
			StateTimestamp changedAt = this.workflow.stateChangedAt();
			if (changedAt != null && !value.equals(before)) {
				changedAt.touch(this.entity, this.clock);
			}
		}
	}

	/** Records a value a nested write of the same field left behind. */
	void adopt(@Nullable Object value) {
		this.expectedState = value;
	}

	/**
	 * The version the entity had before this write changed anything, or after the last
	 * nested transition on the same row completed: when the save leaves it unchanged, the
	 * engine increments it.
	 */
	@Nullable Object baselineVersion() {
		return this.baselineVersion;
	}

	void rebase(@Nullable Object version) {
		this.baselineVersion = version;
	}

	/** Whether {@code other} writes the same database row. */
	boolean sameRow(StateWrite other) {
		return sameRow(other.entity, other.workflow.entityName(), () -> other.id());
	}

	boolean sameRow(Object candidate, String entityName, java.util.function.Supplier<@Nullable Object> candidateId) {
		if (candidate == this.entity) {
			return true;
		}
		if (!this.workflow.entityName().equals(entityName)) {
			return false;
		}
		Object id = id();
		return id != null && Objects.equals(id, candidateId.get());
	}

	private @Nullable Object id() {
		return this.ids.apply(this.entity);
	}

}
