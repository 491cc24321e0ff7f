package dev.fsm.spi;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How the engine saves entities: what every store must do. The JPA implementation is used
 * when an {@code EntityManagerFactory} exists; without one, entities are plain objects
 * and nothing is saved. An application may declare its own bean for another store.
 * <p>
 * A store may also implement optional capabilities: {@link EntityFinder} (loading by id,
 * for transitions fired by id and the HTTP API) and {@link EntityLocking} (row locks, for
 * pessimistic transitions and entities without {@code @Version}). Without them, firing by
 * id fails with an {@link IllegalStateException} that says so, and transitions take no
 * row lock.
 *
 * @see EntityFinder#of(EntityStore)
 * @see EntityLocking#of(EntityStore)
 */
public interface EntityStore {

	/**
	 * The entity types this store manages; their workflows are built and checked at
	 * start-up.
	 */
	Set<Class<?>> entityTypes();

	/**
	 * Whether the store uses optimistic locking ({@code @Version}) for
	 * {@code entityType}.
	 */
	boolean isVersioned(Class<?> entityType);

	/** The name of an entity type in workflow names and the audit trail. */
	default String entityName(Class<?> entityType) {
		return entityType.getSimpleName();
	}

	/**
	 * Why workflows of {@code entityType} cannot be used, or {@code null} when they can.
	 */
	default @Nullable String unsupportedReason(Class<?> entityType) {
		return null;
	}

	/** An id of an entity of {@code entityType} as text, the same way every time. */
	default String formatId(Class<?> entityType, Object id) {
		return String.valueOf(id);
	}

	/**
	 * The entity behind a persistence proxy (a Hibernate proxy from
	 * {@code getReferenceById}), initialized, or loaded when the proxy's session is
	 * closed; other objects unchanged.
	 */
	Object unproxy(Object entity);

	/** The entity's id, {@code null} when it has none yet. */
	@Nullable Object idOf(Object entity);

	/**
	 * An id of an entity of {@code entityType} from the id itself or its text (a path
	 * variable; a composite id written as the audit trail writes it).
	 * @throws IllegalArgumentException when {@code id} is no id of the type
	 */
	default Object toId(Class<?> entityType, Object id) {
		return id;
	}

	/** The entity's {@code @Version} value, {@code null} when it has none (yet). */
	default @Nullable Object versionOf(Object entity) {
		return null;
	}

	/**
	 * Saves the entity in the current transaction and flushes, so that a version conflict
	 * surfaces now: persists a new entity, merges a detached one (then copies the new
	 * version back to {@code entity}). When the save left the version at
	 * {@code baselineVersion}, it is incremented anyway: every transition increments it.
	 * @param baselineVersion the version before the transition changed anything
	 * @return the managed instance
	 */
	Object save(Object entity, @Nullable Object baselineVersion);

	/** Whether {@code exception} is an optimistic locking failure of this store. */
	boolean isConcurrencyFailure(Throwable exception);

}
