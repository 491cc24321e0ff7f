package dev.fsm;

import org.springframework.dao.DataRetrievalFailureException;

/**
 * No entity of the given type has the given id: firing a transition by id found nothing to fire
 * on. Nothing has changed; the HTTP answer is 404.
 *
 * @since 0.2.0
 */
public class UnknownEntityException extends DataRetrievalFailureException {

	private final Class<?> entityType;

	private final Object entityId;

	public UnknownEntityException(String message, Class<?> entityType, Object entityId) {
		super(message);
		this.entityType = entityType;
		this.entityId = entityId;
	}

	/** The entity class. */
	public Class<?> getEntityType() {
		return this.entityType;
	}

	/** The id that was looked up. */
	public Object getEntityId() {
		return this.entityId;
	}

}
