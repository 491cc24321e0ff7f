package dev.fsm.spi;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import dev.fsm.Workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A store is a small core and optional capabilities; the engine asks for a capability and
 * gets the store itself, or the behaviour of a store without it.
 */
class EntityStoreCapabilitiesTests {

	@Test
	void aStoreWithoutFindingCannotLoadById() {
		EntityStore store = new PlainStore();
		assertThatIllegalStateException().isThrownBy(() -> EntityFinder.of(store).find(String.class, 42))
			.withMessage("Cannot load a String by id: the application has no persistence (JPA) for workflow entities");
		assertThatIllegalStateException()
			.isThrownBy(() -> EntityLocking.of(store).findAndLock(String.class, 42, Duration.ofSeconds(1)))
			.withMessage("Cannot load a String by id: the application has no persistence (JPA) for workflow entities");
	}

	@Test
	void aStoreWithoutLockingLocksNothingAndReportsNoChange() {
		EntityLocking locking = EntityLocking.of(new PlainStore());
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
		Class<?> jpaStore = ClassUtils.resolveClassName("dev.fsm.jpa.JpaEntityStore", null);
		assertThat(EntityFinder.class).isAssignableFrom(jpaStore);
		assertThat(EntityLocking.class).isAssignableFrom(jpaStore);
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

	private static final class FindingStore extends PlainStore implements EntityFinder {

		@Override
		public @Nullable Object find(Class<?> entityType, Object id) {
			return entityType.getSimpleName() + "#" + id;
		}

	}

}
