package dev.fsm.engine;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fsm.metamodel.StateAccessor;

/**
 * How the engine saves entities. The JPA implementation is used when an
 * {@code EntityManagerFactory} exists; without one, entities are plain objects and nothing is
 * saved.
 */
public interface EntityStore {

	/** The entity types this store manages; their workflows are built and checked at start-up. */
	Set<Class<?>> entityTypes();

	/** Whether the store uses optimistic locking ({@code @Version}) for {@code entityType}. */
	boolean isVersioned(Class<?> entityType);

	/**
	 * The object behind a persistence proxy (a Hibernate proxy from {@code getReferenceById}),
	 * initialized; other objects unchanged.
	 */
	Object unproxy(Object entity);

	/** The entity's id, {@code null} when it has none yet. */
	@Nullable Object idOf(Object entity);

	/**
	 * Saves the entity in the current transaction and flushes, so that a version conflict
	 * surfaces now: persists a new entity, merges a detached one (then copies the new version
	 * back to {@code entity}).
	 * @return the managed instance
	 */
	Object save(Object entity);

	/**
	 * Writes one state value to the database in the current transaction, on a freshly loaded
	 * copy of the entity, and updates {@code entity} to match (state and version). Used to record
	 * an {@code onError} state after the transition's own changes were rolled back.
	 * @return the managed instance that was written, or {@code entity} when there was nothing to
	 * load
	 */
	Object saveState(Object entity, StateAccessor state, Object value);

	/** Whether {@code exception} is an optimistic locking failure of this store. */
	boolean isConcurrencyFailure(Throwable exception);

}
