package dev.fsm.engine;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fsm.Workflow;

/**
 * How the engine saves entities. The JPA implementation is used when an
 * {@code EntityManagerFactory} exists; without one, entities are plain objects and nothing is
 * saved. Public because the JPA implementation lives in its own package; an application may
 * declare its own bean for another store.
 */
public interface EntityStore {

	/** The entity types this store manages; their workflows are built and checked at start-up. */
	Set<Class<?>> entityTypes();

	/** Whether the store uses optimistic locking ({@code @Version}) for {@code entityType}. */
	boolean isVersioned(Class<?> entityType);

	/** The name of an entity type in workflow names and the audit trail. */
	default String entityName(Class<?> entityType) {
		return entityType.getSimpleName();
	}

	/** Why workflows of {@code entityType} cannot be used, or {@code null} when they can. */
	default @Nullable String unsupportedReason(Class<?> entityType) {
		return null;
	}

	/** An id of an entity of {@code entityType} as text, the same way every time. */
	default String formatId(Class<?> entityType, Object id) {
		return String.valueOf(id);
	}

	/**
	 * The entity behind a persistence proxy (a Hibernate proxy from {@code getReferenceById}),
	 * initialized, or loaded when the proxy's session is closed; other objects unchanged.
	 */
	Object unproxy(Object entity);

	/** The entity's id, {@code null} when it has none yet. */
	@Nullable Object idOf(Object entity);

	/**
	 * An id of an entity of {@code entityType} from the id itself or its text (a path variable;
	 * a composite id written as the audit trail writes it).
	 * @throws IllegalArgumentException when {@code id} is no id of the type
	 */
	default Object toId(Class<?> entityType, Object id) {
		return id;
	}

	/**
	 * Loads the entity of {@code entityType} with {@code id} in the current transaction.
	 * @return the entity, or {@code null} when there is none
	 */
	default @Nullable Object find(Class<?> entityType, Object id) {
		throw new IllegalStateException("Cannot load a " + entityType.getSimpleName() + " by id: the application"
				+ " has no persistence (JPA) for workflow entities");
	}

	/**
	 * Loads the entity of {@code entityType} with {@code id} in the current transaction and locks
	 * its row until the transaction ends ({@code SELECT ... FOR UPDATE}), for a pessimistic
	 * transition fired by id.
	 * @param timeout how long to wait for the lock; zero: not at all ({@code NOWAIT})
	 * @return the entity, or {@code null} when there is none
	 * @throws org.springframework.dao.PessimisticLockingFailureException when the lock is not
	 * granted in time
	 */
	default @Nullable Object findAndLock(Class<?> entityType, Object id, Duration timeout) {
		return find(entityType, id);
	}

	/** The entity's {@code @Version} value, {@code null} when it has none (yet). */
	default @Nullable Object versionOf(Object entity) {
		return null;
	}

	/**
	 * For a stored entity without {@code @Version}: locks its row until the transaction ends
	 * ({@code SELECT ... FOR UPDATE}) and tells whether its stored state is still
	 * {@code expectedState}, so that two transitions from one state cannot both commit. Always
	 * {@code true} for versioned, new and non-persistent entities.
	 */
	default boolean lockAndVerifyState(Object entity, Workflow workflow, @Nullable Object expectedState) {
		return true;
	}

	/**
	 * For a pessimistic transition: locks the row of a stored entity until the transaction ends
	 * ({@code SELECT ... FOR UPDATE}), and tells whether it still holds {@code expectedState}
	 * and, with {@code @Version}, the entity's version. Always {@code true} for new and
	 * non-persistent entities.
	 * @param timeout how long to wait for the lock; zero: not at all ({@code NOWAIT})
	 * @throws org.springframework.dao.PessimisticLockingFailureException when the lock is not
	 * granted in time
	 */
	default boolean lockAndVerify(Object entity, Workflow workflow, @Nullable Object expectedState,
			Duration timeout) {
		return lockAndVerifyState(entity, workflow, expectedState);
	}

	/**
	 * Saves the entity in the current transaction and flushes, so that a version conflict
	 * surfaces now: persists a new entity, merges a detached one (then copies the new version
	 * back to {@code entity}). When the save left the version at {@code baselineVersion}, it is
	 * incremented anyway: every transition increments it.
	 * @param baselineVersion the version before the transition changed anything
	 * @return the managed instance
	 */
	Object save(Object entity, @Nullable Object baselineVersion);

	/** Whether {@code exception} is an optimistic locking failure of this store. */
	boolean isConcurrencyFailure(Throwable exception);

}
