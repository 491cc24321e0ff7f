package dev.fsm.spi;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A store of the core alone, with no capability: plain objects, never versioned, saved as
 * they are.
 */
public class PlainStore implements EntityStore {

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
		return false;
	}

}
