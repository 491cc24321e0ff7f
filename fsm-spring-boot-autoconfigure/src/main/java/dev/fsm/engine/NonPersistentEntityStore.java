package dev.fsm.engine;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;

import dev.fsm.spi.EntityStore;

/**
 * The store for applications without JPA: entities are plain objects, nothing is saved.
 */
final class NonPersistentEntityStore implements EntityStore {

	@Override
	public Set<Class<?>> entityTypes() {
		return Set.of();
	}

	@Override
	public boolean isVersioned(Class<?> entityType) {
		return false;
	}

	@Override
	public Object unproxy(Object entity) {
		return entity;
	}

	@Override
	public @Nullable Object idOf(Object entity) {
		return null;
	}

	@Override
	public Object save(Object entity, @Nullable Object baselineVersion) {
		return entity;
	}

	@Override
	public boolean isConcurrencyFailure(Throwable exception) {
		return exception instanceof OptimisticLockingFailureException;
	}

}
