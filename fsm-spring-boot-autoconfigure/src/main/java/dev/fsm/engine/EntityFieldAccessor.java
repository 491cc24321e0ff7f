package dev.fsm.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.spi.EntityStore;

/**
 * SpEL's own property accessor (public getters, then public fields), which also reads the
 * fields of a workflow entity that have no public getter:
 * {@code conditions = "customer != null"} works on an entity whose {@code customer} field
 * is package-private. Getters win, as in Spring; such fields are read only, never
 * written.
 * <p>
 * A Hibernate proxy's own fields are empty: the accessor reads the entity behind it
 * (through the entity store), never the proxy's fields. Other proxies and entities that
 * Hibernate's bytecode enhancement rewrote (their lazy attributes load through getters
 * only) are read through getters, as in Spring. What may be read directly is found once
 * per class; compiled expressions read such a field through {@link #readField}.
 * <p>
 * Public because compiled guard expressions call {@link #readField}.
 */
public final class EntityFieldAccessor extends ReflectivePropertyAccessor {

	/** Answers what the start-up checks ask: the rules, without an entity store. */
	private static final EntityFieldAccessor RULES = new EntityFieldAccessor(UnaryOperator.identity());

	/** Interfaces of classes whose fields do not hold the entity's values. */
	private static final Set<String> NOT_READ_DIRECTLY = Set.of("org.hibernate.proxy.HibernateProxy",
			"org.springframework.aop.SpringProxy", "org.springframework.cglib.proxy.Factory",
			"org.hibernate.engine.spi.PersistentAttributeInterceptable",
			"org.eclipse.persistence.internal.weaving.PersistenceWeaved");

	private static final ClassValue<Map<String, EntityFieldReader>> DIRECT = new ClassValue<>() {

		@Override
		protected Map<String, EntityFieldReader> computeValue(Class<?> type) {
			return RULES.directFields(type);
		}

	};

	private final UnaryOperator<Object> unproxy;

	/**
	 * @param unproxy the entity behind a persistence proxy, other objects unchanged
	 * ({@link EntityStore#unproxy})
	 */
	EntityFieldAccessor(UnaryOperator<Object> unproxy) {
		this.unproxy = unproxy;
	}

	/**
	 * The value of a field of a workflow entity that has no public getter, for compiled
	 * expressions; throws when {@code target} is no such entity (a proxy), and Spring's
	 * mixed-mode compiler then evaluates the expression interpreted, where the proxy is
	 * unwrapped.
	 */
	public static @Nullable Object readField(Object target, String name) {
		EntityFieldReader reader = direct(target.getClass(), name);
		if (reader == null) {
			throw new IllegalStateException(
					"No field '" + name + "' to read directly on " + target.getClass().getName());
		}
		return reader.value(target);
	}

	/** The reader of a field of {@code type} that is read directly, or {@code null}. */
	static @Nullable EntityFieldReader direct(Class<?> type, String name) {
		return DIRECT.get(type).get(name);
	}

	/**
	 * Whether a condition or permission can read property {@code name} of an entity of
	 * {@code type}.
	 */
	static boolean canReadProperty(Class<?> type, String name) {
		return RULES.findGetterForProperty(name, type, false) != null || RULES.findField(name, type, false) != null;
	}

	/**
	 * Whether the fields of {@code type} without a getter are read directly, or only
	 * through getters.
	 */
	static boolean readsFieldsOf(Class<?> type) {
		return !isProxyOrEnhanced(type);
	}

	@Override
	public boolean canRead(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
		return super.canRead(context, unproxied(target), name);
	}

	@Override
	public TypedValue read(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
		return super.read(context, unproxied(target), name);
	}

	@Override
	public PropertyAccessor createOptimalAccessor(EvaluationContext context, @Nullable Object target, String name) {
		Object entity = unproxied(target);
		if (entity != target) {
			// keep unwrapping on every read: this accessor, not one for the proxy's class
			return this;
		}
		if (target != null && !(target instanceof Class)) {
			EntityFieldReader reader = direct(target.getClass(), name);
			if (reader != null) {
				return reader;
			}
		}
		return super.createOptimalAccessor(context, target, name);
	}

	@Override
	public boolean canWrite(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
		Object entity = unproxied(target);
		if (entity != null && !(entity instanceof Class)) {
			EntityFieldReader reader = direct(entity.getClass(), name);
			if (reader != null && !reader.hasSetter()) {
				return false;
			}
		}
		return super.canWrite(context, entity, name);
	}

	@Override
	public void write(EvaluationContext context, @Nullable Object target, String name, @Nullable Object newValue)
			throws AccessException {
		super.write(context, unproxied(target), name, newValue);
	}

	/**
	 * Spring's public fields (those of superclasses and interfaces included), then the
	 * fields of a workflow entity without a getter. Not through Spring's own search,
	 * which calls this method again for each superclass, and would then read a proxy's
	 * inherited fields.
	 */
	@Override
	protected @Nullable Field findField(String name, Class<?> type, boolean mustBeStatic) {
		Field field = publicField(type, name, mustBeStatic);
		if (field == null && !mustBeStatic) {
			EntityFieldReader reader = direct(type, name);
			return (reader != null) ? reader.field() : null;
		}
		return field;
	}

	private static @Nullable Field publicField(Class<?> type, String name, boolean mustBeStatic) {
		for (Field field : type.getFields()) {
			if (field.getName().equals(name) && (!mustBeStatic || Modifier.isStatic(field.getModifiers()))) {
				return field;
			}
		}
		return null;
	}

	private @Nullable Object unproxied(@Nullable Object target) {
		return (target != null && !(target instanceof Class)) ? this.unproxy.apply(target) : target;
	}

	/**
	 * The instance fields of a workflow entity class that neither a public getter nor a
	 * public field reads.
	 */
	private Map<String, EntityFieldReader> directFields(Class<?> type) {
		if (!WorkflowIntrospector.isWorkflowEntity(type) || isProxyOrEnhanced(type)) {
			return Map.of();
		}
		Map<String, EntityFieldReader> fields = new LinkedHashMap<>();
		ReflectionUtils.doWithFields(type, (field) -> {
			String name = field.getName();
			if (!fields.containsKey(name) && findGetterForProperty(name, type, false) == null
					&& publicField(type, name, false) == null && makeAccessible(field)) {
				fields.put(name, new EntityFieldReader(field, findSetterForProperty(name, type, false) != null));
			}
		}, (field) -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic());
		return Map.copyOf(fields);
	}

	/**
	 * Whether the field can be read by reflection; not when a module does not open its
	 * package.
	 */
	private static boolean makeAccessible(Field field) {
		try {
			ReflectionUtils.makeAccessible(field);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Whether the class is a proxy, or rewritten to load attributes lazily: its fields
	 * may be empty.
	 */
	private static boolean isProxyOrEnhanced(Class<?> type) {
		for (Class<?> candidate : ClassUtils.getAllInterfacesForClassAsSet(type)) {
			if (NOT_READ_DIRECTLY.contains(candidate.getName())) {
				return true;
			}
		}
		return false;
	}

}
