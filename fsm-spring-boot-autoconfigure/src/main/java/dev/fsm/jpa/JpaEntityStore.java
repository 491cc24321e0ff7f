package dev.fsm.jpa;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.Query;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.fsm.Workflow;
import dev.fsm.spi.EntityFinder;
import dev.fsm.spi.EntityLocking;
import dev.fsm.spi.EntityStore;

/**
 * Saves workflow entities with the application's {@link EntityManagerFactory}, in the
 * transaction of the transition. The name, id and version attributes of every entity type
 * are resolved once, at start-up; persistence exceptions leave it translated to Spring's
 * {@code DataAccessException} hierarchy.
 */
final class JpaEntityStore implements EntityStore, EntityFinder, EntityLocking {

	/** JPA's lock timeout hint, in milliseconds; 0 is {@code NOWAIT}. */
	private static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";

	private static final boolean HIBERNATE_PRESENT = ClassUtils.isPresent("org.hibernate.Hibernate",
			JpaEntityStore.class.getClassLoader());

	/**
	 * The {@code @Version} types every save increments by one, the steps of the audit
	 * trail.
	 */
	private static final Set<Class<?>> COUNTING_VERSIONS = Set.of(int.class, long.class, short.class, Integer.class,
			Long.class, Short.class);

	private final EntityManager entityManager;

	private final PersistenceUnitUtil persistenceUnitUtil;

	private final Map<Class<?>, EntityInfo> entities;

	private final EntityIdFormat ids;

	private final Map<String, String> lockQueries = new ConcurrentHashMap<>();

	private final ConversionService conversions;

	/** A store converting id text with Spring Boot's shared conversion service. */
	JpaEntityStore(EntityManagerFactory entityManagerFactory) {
		this(entityManagerFactory, ApplicationConversionService.getSharedInstance());
	}

	/**
	 * @param conversions converts ids given as text (path variables) to the entities' id
	 * types
	 */
	JpaEntityStore(EntityManagerFactory entityManagerFactory, ConversionService conversions) {
		this.conversions = conversions;
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.persistenceUnitUtil = entityManagerFactory.getPersistenceUnitUtil();
		Map<Class<?>, EntityInfo> entities = new LinkedHashMap<>();
		for (EntityType<?> entityType : entityManagerFactory.getMetamodel().getEntities()) {
			Class<?> javaType = entityType.getJavaType();
			if (javaType != null && javaType != Map.class) {
				entities.put(javaType, new EntityInfo(entityType.getName(), versionField(entityType)));
			}
		}
		this.entities = Collections.unmodifiableMap(entities);
		this.ids = new EntityIdFormat(entityManagerFactory.getMetamodel());
	}

	@Override
	public Set<Class<?>> entityTypes() {
		return this.entities.keySet();
	}

	@Override
	public boolean isVersioned(Class<?> entityType) {
		EntityInfo info = this.entities.get(entityType);
		return info != null && info.version() != null;
	}

	@Override
	public String entityName(Class<?> entityType) {
		EntityInfo info = this.entities.get(entityType);
		return (info != null) ? info.name() : entityType.getSimpleName();
	}

	@Override
	public @Nullable String unsupportedReason(Class<?> entityType) {
		String idProblem = this.ids.problem(entityType);
		EntityInfo info = this.entities.get(entityType);
		Field version = (info != null) ? info.version() : null;
		if (version == null || COUNTING_VERSIONS.contains(version.getType())) {
			return idProblem;
		}
		String versionProblem = entityType.getName() + " has a @Version attribute '" + version.getName() + "' of type "
				+ version.getType().getName() + "; workflows need a version that every save increments by one (int,"
				+ " long or short, or Integer, Long or Short): a timestamp may stay the same between two transitions"
				+ " in one instant, and the audit trail numbers each entity's steps by its version";
		return (idProblem != null) ? idProblem + "; " + versionProblem : versionProblem;
	}

	@Override
	public String formatId(Class<?> entityType, Object id) {
		return this.ids.format(entityType, id);
	}

	@Override
	public Object toId(Class<?> entityType, Object id) {
		return this.ids.parse(entityType, id, this.conversions);
	}

	@Override
	public @Nullable Object find(Class<?> entityType, Object id) {
		return translated(() -> this.entityManager.find(entityType, id));
	}

	@Override
	public @Nullable Object findAndLock(Class<?> entityType, Object id, Duration timeout) {
		return translated(() -> this.entityManager.find(entityType, id, LockModeType.PESSIMISTIC_WRITE,
				Map.of(LOCK_TIMEOUT, millis(timeout))));
	}

	@Override
	public Object unproxy(Object entity) {
		if (!HIBERNATE_PRESENT || !(entity instanceof org.hibernate.proxy.HibernateProxy proxy)) {
			return entity;
		}
		org.hibernate.proxy.LazyInitializer initializer = proxy.getHibernateLazyInitializer();
		org.hibernate.engine.spi.SharedSessionContractImplementor session = initializer.getSession();
		if (!initializer.isUninitialized() || (session != null && session.isOpenOrWaitingForAutoClose())) {
			return translated(initializer::getImplementation);
		}
		// a proxy whose session is closed cannot load itself: load its row in the current
		// one
		Object loaded = translated(
				() -> this.entityManager.find(initializer.getPersistentClass(), initializer.getIdentifier()));
		if (loaded == null) {
			throw translated(new EntityNotFoundException(initializer.getPersistentClass().getSimpleName() + "#"
					+ initializer.getIdentifier() + " does not exist"));
		}
		return loaded;
	}

	@Override
	public @Nullable Object idOf(Object entity) {
		if (HIBERNATE_PRESENT && entity instanceof org.hibernate.proxy.HibernateProxy proxy) {
			return proxy.getHibernateLazyInitializer().getIdentifier();
		}
		if (!this.entities.containsKey(entity.getClass())) {
			return null;
		}
		return this.persistenceUnitUtil.getIdentifier(entity);
	}

	@Override
	public @Nullable Object versionOf(Object entity) {
		EntityInfo info = this.entities.get(entity.getClass());
		Field version = (info != null) ? info.version() : null;
		return (version != null) ? ReflectionUtils.getField(version, entity) : null;
	}

	@Override
	public boolean lockAndVerifyState(Object entity, Workflow workflow, @Nullable Object expectedState) {
		EntityInfo info = this.entities.get(entity.getClass());
		return info == null || info.version() != null || lockedRowMatches(entity, info, workflow, expectedState, null);
	}

	@Override
	public boolean lockAndVerify(Object entity, Workflow workflow, @Nullable Object expectedState, Duration timeout) {
		EntityInfo info = this.entities.get(entity.getClass());
		return info == null || lockedRowMatches(entity, info, workflow, expectedState, timeout);
	}

	/**
	 * Locks the entity's row ({@code SELECT ... FOR UPDATE}, waiting at most
	 * {@code timeout}, or the database's lock timeout when {@code null}) and tells
	 * whether it still holds {@code expectedState} and, with {@code @Version}, the
	 * entity's version.
	 */
	private boolean lockedRowMatches(Object entity, EntityInfo info, Workflow workflow, @Nullable Object expectedState,
			@Nullable Duration timeout) {
		Object id = idOf(entity);
		if (id == null) {
			return true;
		}
		Field version = info.version();
		String jpql = this.lockQueries.computeIfAbsent(workflow.name(),
				(name) -> "select e." + workflow.field() + ((version != null) ? ", e." + version.getName() : "")
						+ " from " + info.name() + " e where id(e) = :id");
		List<?> stored = translated(() -> {
			Query query = this.entityManager.createQuery(jpql)
				.setParameter("id", id)
				.setFlushMode(FlushModeType.COMMIT)
				.setLockMode(LockModeType.PESSIMISTIC_WRITE);
			return ((timeout != null) ? query.setHint(LOCK_TIMEOUT, millis(timeout)) : query).getResultList();
		});
		if (stored.isEmpty()) {
			return true; // a new entity with an assigned id, which its insert will create
		}
		if (version == null) {
			return Objects.equals(stored.get(0), expectedState);
		}
		Object[] row = (Object[]) stored.get(0);
		return Objects.equals(row[0], expectedState)
				&& Objects.equals(row[1], ReflectionUtils.getField(version, entity));
	}

	@Override
	public Object save(Object entity, @Nullable Object baselineVersion) {
		EntityInfo info = this.entities.get(entity.getClass());
		if (info == null) {
			return entity;
		}
		return translated(() -> {
			Object managed = entity;
			if (!this.entityManager.contains(entity)) {
				if (isNew(entity, info)) {
					this.entityManager.persist(entity);
				}
				else {
					managed = this.entityManager.merge(entity);
				}
			}
			this.entityManager.flush();
			Field version = info.version();
			if (version != null && baselineVersion != null
					&& Objects.equals(ReflectionUtils.getField(version, managed), baselineVersion)) {
				// nothing changed the row (a self-loop, a check-only transition): a
				// transition
				// increments the version all the same, so that two from one state cannot
				// both commit
				incrementVersion(managed);
			}
			if (managed != entity && version != null) {
				ReflectionUtils.setField(version, entity, ReflectionUtils.getField(version, managed));
			}
			return managed;
		});
	}

	/**
	 * Increments the version of a managed entity now, checked against the stored one.
	 * Hibernate ignores a lock request on an entity it already wrote in this transaction,
	 * so with Hibernate the increment is issued directly, the way its force-increment
	 * lock does it.
	 */
	private void incrementVersion(Object managed) {
		if (HIBERNATE_PRESENT) {
			HibernateVersions.increment(this.entityManager, managed);
		}
		else {
			this.entityManager.lock(managed, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		}
	}

	@Override
	public boolean isConcurrencyFailure(Throwable exception) {
		return exception instanceof OptimisticLockException || exception instanceof OptimisticLockingFailureException
				|| (HIBERNATE_PRESENT && exception instanceof org.hibernate.StaleStateException);
	}

	/** A lock timeout as JPA's hint takes it: whole milliseconds, an int. */
	private static int millis(Duration timeout) {
		return (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE);
	}

	/**
	 * Spring Data's rule: new when the version (a wrapper type) is null, else when the id
	 * is null.
	 */
	private boolean isNew(Object entity, EntityInfo info) {
		Field version = info.version();
		if (version != null && !version.getType().isPrimitive()) {
			return ReflectionUtils.getField(version, entity) == null;
		}
		return this.persistenceUnitUtil.getIdentifier(entity) == null;
	}

	private <T> T translated(java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
	}

	private static RuntimeException translated(RuntimeException ex) {
		return PersistenceExceptions.translate(ex);
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
		Field field = (member instanceof Field f) ? f : ReflectionUtils.findField(type, propertyName((Method) member));
		if (field != null) {
			ReflectionUtils.makeAccessible(field);
		}
		return field;
	}

	private static String propertyName(Method getter) {
		String name = getter.getName().startsWith("is") ? getter.getName().substring(2) : getter.getName().substring(3);
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	/** The JPA entity name and the {@code @Version} field of an entity class. */
	private record EntityInfo(String name, @Nullable Field version) {
	}

	/** Kept apart so that Hibernate's classes load only when Hibernate is present. */
	private static final class HibernateVersions {

		static void increment(EntityManager entityManager, Object managed) {
			org.hibernate.engine.spi.SharedSessionContractImplementor session = entityManager
				.unwrap(org.hibernate.engine.spi.SharedSessionContractImplementor.class);
			org.hibernate.engine.spi.EntityEntry entry = session.getPersistenceContextInternal().getEntry(managed);
			Object next = entry.getPersister().forceVersionIncrement(entry.getId(), entry.getVersion(), session);
			entry.forceLocked(managed, next);
		}

	}

}
