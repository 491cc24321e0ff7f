package dev.fsm.spi;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.fsm.Workflow;
import dev.fsm.engine.NonPersistentEntityStore;
import dev.fsm.jpa.JpaEntityStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A store is a small core and optional capabilities; the engine asks for a capability and
 * gets the store itself, or the behaviour of a store without it.
 */
class EntityStoreCapabilitiesTests {

	@Test
	void aStoreWithoutFindingCannotLoadById() {
		EntityStore store = new NonPersistentEntityStore();
		assertThatIllegalStateException().isThrownBy(() -> EntityFinder.of(store).find(String.class, 42))
			.withMessage("Cannot load a String by id: the application has no persistence (JPA) for workflow entities");
		assertThatIllegalStateException()
			.isThrownBy(() -> EntityLocking.of(store).findAndLock(String.class, 42, Duration.ofSeconds(1)))
			.withMessage("Cannot load a String by id: the application has no persistence (JPA) for workflow entities");
	}

	@Test
	void aStoreWithoutLockingLocksNothingAndReportsNoChange() {
		EntityLocking locking = EntityLocking.of(new NonPersistentEntityStore());
		Workflow workflow = new Workflow("Note.state", Object.class, "Note", "state", String.class, List.of("DRAFT"),
				"DRAFT", List.of());
		assertThat(locking.lockAndVerifyState("entity", workflow, "DRAFT")).isTrue();
		assertThat(locking.lockAndVerify("entity", workflow, "DRAFT", Duration.ZERO)).isTrue();
	}

	@Test
	void aStoreWithFindingButNoLockingLoadsWithoutALock() {
		FindingStore store = new FindingStore();
		assertThat(EntityFinder.of(store)).isSameAs(store);
		assertThat(EntityLocking.of(store).findAndLock(String.class, 42, Duration.ZERO)).isEqualTo("String#42");
	}

	@Test
	void aCapableStoreIsItsOwnCapability() {
		assertThat(EntityFinder.class).isAssignableFrom(JpaEntityStore.class);
		assertThat(EntityLocking.class).isAssignableFrom(JpaEntityStore.class);
	}

	@Test
	void theCoreHasSixMethodsToImplementAndCapabilitiesHaveNoDefaults() {
		assertThat(Arrays.stream(EntityStore.class.getDeclaredMethods())
			.filter((method) -> Modifier.isAbstract(method.getModifiers()))
			.map(Method::getName)
			.sorted()).containsExactly("entityTypes", "idOf", "isConcurrencyFailure", "isVersioned", "save", "unproxy");
		assertThat(Arrays.stream(EntityFinder.class.getDeclaredMethods()).filter(Method::isDefault)).isEmpty();
		assertThat(Arrays.stream(EntityLocking.class.getDeclaredMethods()).filter(Method::isDefault)).isEmpty();
	}

	private static final class FindingStore implements EntityStore, EntityFinder {

		@Override
		public @Nullable Object find(Class<?> entityType, Object id) {
			return entityType.getSimpleName() + "#" + id;
		}

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

}
