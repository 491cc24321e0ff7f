package dev.fsm.jpa;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.fsm.engine.EntityStore;
import dev.fsm.metamodel.StateAccessor;

/**
 * Saves workflow entities with the application's {@link EntityManagerFactory}, in the
 * transaction of the transition. The id and version attributes of every entity type are
 * resolved once, at start-up.
 */
public final class JpaEntityStore implements EntityStore {

	private static final boolean HIBERNATE_PRESENT = ClassUtils.isPresent("org.hibernate.Hibernate",
			JpaEntityStore.class.getClassLoader());

	private final EntityManager entityManager;

	private final PersistenceUnitUtil persistenceUnitUtil;

	private final Map<Class<?>, @Nullable Field> versions;

	public JpaEntityStore(EntityManagerFactory entityManagerFactory) {
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.persistenceUnitUtil = entityManagerFactory.getPersistenceUnitUtil();
		Map<Class<?>, @Nullable Field> versions = new LinkedHashMap<>();
		for (EntityType<?> entityType : entityManagerFactory.getMetamodel().getEntities()) {
			Class<?> javaType = entityType.getJavaType();
			if (javaType != null && javaType != Map.class) {
				versions.put(javaType, versionField(entityType));
			}
		}
		this.versions = Collections.unmodifiableMap(versions);
	}

	@Override
	public Set<Class<?>> entityTypes() {
		return this.versions.keySet();
	}

	@Override
	public boolean isVersioned(Class<?> entityType) {
		return this.versions.get(entityType) != null;
	}

	@Override
	public Object unproxy(Object entity) {
		return HIBERNATE_PRESENT ? org.hibernate.Hibernate.unproxy(entity) : entity;
	}

	@Override
	public @Nullable Object idOf(Object entity) {
		if (!this.versions.containsKey(entity.getClass())) {
			return null;
		}
		return this.persistenceUnitUtil.getIdentifier(entity);
	}

	@Override
	public Object save(Object entity) {
		if (!this.versions.containsKey(entity.getClass())) {
			return entity;
		}
		Object managed = entity;
		if (!this.entityManager.contains(entity)) {
			if (isNew(entity)) {
				this.entityManager.persist(entity);
			}
			else {
				managed = this.entityManager.merge(entity);
			}
		}
		this.entityManager.flush();
		if (managed != entity) {
			copyVersion(managed, entity);
		}
		return managed;
	}

	@Override
	public Object saveState(Object entity, StateAccessor state, Object value) {
		state.set(entity, value);
		Object id = idOf(entity);
		if (id == null) {
			return entity;
		}
		Object fresh = this.entityManager.find(entity.getClass(), id);
		if (fresh == null) {
			return entity;
		}
		state.set(fresh, value);
		this.entityManager.flush();
		if (fresh != entity) {
			copyVersion(fresh, entity);
		}
		return fresh;
	}

	@Override
	public boolean isConcurrencyFailure(Throwable exception) {
		return exception instanceof OptimisticLockException || exception instanceof OptimisticLockingFailureException
				|| (HIBERNATE_PRESENT && exception instanceof org.hibernate.StaleStateException);
	}

	/** Spring Data's rule: new when the version (a wrapper type) is null, else when the id is null. */
	private boolean isNew(Object entity) {
		Field version = this.versions.get(entity.getClass());
		if (version != null && !version.getType().isPrimitive()) {
			return ReflectionUtils.getField(version, entity) == null;
		}
		return this.persistenceUnitUtil.getIdentifier(entity) == null;
	}

	private void copyVersion(Object from, Object to) {
		Field version = this.versions.get(to.getClass());
		if (version != null) {
			ReflectionUtils.setField(version, to, ReflectionUtils.getField(version, from));
		}
	}

	private static @Nullable Field versionField(IdentifiableType<?> type) {
		if (!type.hasVersionAttribute()) {
			return null;
		}
		for (SingularAttribute<?, ?> attribute : type.getSingularAttributes()) {
			if (attribute.isVersion()) {
				return field(type.getJavaType(), attribute.getJavaMember());
			}
		}
		return null;
	}

	private static @Nullable Field field(Class<?> type, Member member) {
		Field field = (member instanceof Field f) ? f
				: ReflectionUtils.findField(type, propertyName((Method) member));
		if (field != null) {
			ReflectionUtils.makeAccessible(field);
		}
		return field;
	}

	private static String propertyName(Method getter) {
		String name = getter.getName().startsWith("is") ? getter.getName().substring(2) : getter.getName().substring(3);
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

}
