package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * The entity named by an {@link EntityRef#ifVersion(Object) expected version} is at
 * another version: it changed since the caller read it. Nothing ran; the HTTP answer is
 * 412 (Precondition Failed).
 *
 * @since 0.2.0
 */
public class VersionMismatchException extends ConcurrentTransitionException {

	private final Object expectedVersion;

	private final Object actualVersion;

	public VersionMismatchException(String message, Class<?> entityType, @Nullable Object entityId, String transition,
			String currentState, Object expectedVersion, Object actualVersion) {
		super(message, entityType, entityId, transition, currentState, null);
		this.expectedVersion = expectedVersion;
		this.actualVersion = actualVersion;
	}

	/** The version the caller expected. */
	public Object getExpectedVersion() {
		return this.expectedVersion;
	}

	/** The version the entity is at. */
	public Object getActualVersion() {
		return this.actualVersion;
	}

	@Override
	public Reason getReason() {
		return Reason.VERSION_MISMATCH;
	}

}
