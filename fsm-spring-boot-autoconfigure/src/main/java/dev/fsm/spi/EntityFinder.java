package dev.fsm.spi;

import org.jspecify.annotations.Nullable;

/**
 * An optional capability of an {@link EntityStore}: loading an entity by its id, for
 * transitions fired by id ({@code Transitions.fire(EntityRef, ...)}, timed transitions)
 * and the HTTP API. The JPA store has it; a store without it cannot fire by id.
 */
public interface EntityFinder {

	/**
	 * Loads the entity of {@code entityType} with {@code id} in the current transaction.
	 * @return the entity, or {@code null} when there is none
	 */
	@Nullable Object find(Class<?> entityType, Object id);

	/**
	 * The finder of {@code store}: the store itself when it implements this capability;
	 * otherwise a finder that throws an {@link IllegalStateException} saying that the
	 * application cannot load entities by id.
	 */
	static EntityFinder of(EntityStore store) {
		if (store instanceof EntityFinder finder) {
			return finder;
		}
		return (entityType, id) -> {
			throw new IllegalStateException("Cannot load a " + entityType.getSimpleName() + " by id: the application"
					+ " has no persistence (JPA) for workflow entities");
		};
	}

}
