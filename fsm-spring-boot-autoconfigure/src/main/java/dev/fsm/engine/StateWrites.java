package dev.fsm.engine;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.fsm.metamodel.WorkflowModel;

/**
 * The state writes the engine has in progress on the current thread, from the moment a
 * transition passed its checks until its transaction ended; chained transitions nest. The
 * persistence layer asks it whether a state value about to be flushed was written by a
 * transition.
 * <p>
 * Public because the JPA integration asks it when Hibernate flushes.
 */
public final class StateWrites {

	/**
	 * The innermost running write of this thread, linked to the ones around it. An idle
	 * thread keeps a {@code null} entry rather than removing it, so that every transition
	 * does not add and remove an entry of the thread's map.
	 */
	private static final ThreadLocal<@Nullable StateWrite> INNERMOST = new ThreadLocal<>();

	private StateWrites() {
	}

	/**
	 * Whether the engine, on this thread, is writing {@code value} to the state field of
	 * {@code workflow} on this row: the innermost running write of that row and field
	 * holds it.
	 * @param entity the instance being flushed
	 * @param id its id, {@code null} when it has none yet
	 */
	public static boolean isWriting(WorkflowModel workflow, Object entity, @Nullable Object id,
			@Nullable Object value) {
		for (StateWrite write = INNERMOST.get(); write != null; write = write.outer()) {
			if (write.workflow() == workflow && write.sameRow(entity, workflow.entityName(), () -> id)) {
				return Objects.equals(write.expectedState(), value);
			}
		}
		return false;
	}

	static void enter(StateWrite write) {
		write.nestIn(INNERMOST.get());
		INNERMOST.set(write);
	}

	static void exit(StateWrite write) {
		StateWrite innermost = INNERMOST.get();
		if (innermost == write) {
			INNERMOST.set(write.outer());
			return;
		}
		for (StateWrite inner = innermost; inner != null; inner = inner.outer()) {
			if (inner.outer() == write) {
				inner.nestIn(write.outer());
				return;
			}
		}
	}

	/**
	 * A nested write completed: the writes around it on the same row now expect the state
	 * it left and take the version it left as their baseline.
	 */
	static void completed(StateWrite inner, @Nullable Object version) {
		for (StateWrite outer = INNERMOST.get(); outer != null; outer = outer.outer()) {
			if (outer != inner && outer.sameRow(inner)) {
				if (outer.workflow() == inner.workflow()) {
					outer.adopt(inner.expectedState());
				}
				outer.rebase(version);
			}
		}
	}

}
