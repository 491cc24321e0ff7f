package dev.fsm;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataRetrievalFailureException;

/**
 * No entity of the given type has the given id: firing a transition by id found nothing
 * to fire on. Nothing has changed; the HTTP answer is 404.
 *
 * @since 0.2.0
 */
public class UnknownEntityException extends DataRetrievalFailureException implements TransitionRefusal {

	private final Class<?> entityType;

	private final Object entityId;

	public UnknownEntityException(String message, Class<?> entityType, Object entityId) {
		super(message);
		this.entityType = entityType;
		this.entityId = entityId;
	}

	/** The entity class. */
	@Override
	public Class<?> getEntityType() {
		return this.entityType;
	}

	/** The id that was looked up. */
	@Override
	public Object getEntityId() {
		return this.entityId;
	}

	/** {@code null}: no entity was found to name a transition of. */
	@Override
	public @Nullable String getTransition() {
		return null;
	}

	/** {@code null}: there is no entity to be in a state. */
	@Override
	public @Nullable String getCurrentState() {
		return null;
	}

	@Override
	public Reason getReason() {
		return Reason.UNKNOWN_ENTITY;
	}

}
