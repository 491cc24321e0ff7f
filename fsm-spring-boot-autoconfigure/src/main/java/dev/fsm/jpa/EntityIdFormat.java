package dev.fsm.jpa;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.Type;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Writes entity ids as text for the audit trail, the same way every time:
 * {@code toString()} of a simple id (Long, UUID, String, a record), and for a composite
 * id ({@code @EmbeddedId}, {@code @IdClass}) its attributes as {@code name=value} pairs
 * in name order, separated by {@code ,}, with {@code %}, {@code ,} and {@code =} in
 * values percent-encoded. The structure of every entity's id is read once from the JPA
 * metamodel.
 * <p>
 * Public because the audit trail writes ids with it.
 */
public final class EntityIdFormat {

	private final Map<Class<?>, IdWriter> writers = new HashMap<>();

	private final Map<Class<?>, IdReader> readers = new HashMap<>();

	private final Map<Class<?>, String> problems = new HashMap<>();

	public EntityIdFormat(Metamodel metamodel) {
		for (EntityType<?> entityType : metamodel.getEntities()) {
			Class<?> javaType = entityType.getJavaType();
			if (javaType == null || javaType == Map.class) {
				continue;
			}
			try {
				this.writers.put(javaType, writer(entityType));
				this.readers.put(javaType, reader(entityType));
			}
			catch (IllegalArgumentException ex) {
				this.problems.put(javaType, ex.getMessage());
			}
		}
	}

	/** The id of an entity of {@code entityType} as text. */
	public String format(Class<?> entityType, Object id) {
		IdWriter writer = this.writers.get(entityType);
		return (writer != null) ? writer.write(id) : String.valueOf(id);
	}

	/**
	 * The id of an entity of {@code entityType} from the id itself or its text: a simple
	 * id converted with {@code conversions}, a composite one read from its
	 * {@code name=value} pairs.
	 * @throws IllegalArgumentException when {@code id} is no id of the type
	 */
	public Object parse(Class<?> entityType, Object id, ConversionService conversions) {
		IdReader reader = this.readers.get(entityType);
		if (reader == null) {
			return id;
		}
		try {
			return reader.read(id, conversions);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"'" + id + "' is not an id of " + entityType.getSimpleName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Why ids of {@code entityType} cannot be written deterministically, or {@code null}
	 * when they can.
	 */
	public @Nullable String problem(Class<?> entityType) {
		return this.problems.get(entityType);
	}

	private static IdWriter writer(IdentifiableType<?> entityType) {
		Type<?> idType = entityType.getIdType();
		if (!entityType.hasSingleIdAttribute()) {
			Class<?> idClass = idType.getJavaType();
			List<String> names = new ArrayList<>();
			entityType.getIdClassAttributes().forEach((attribute) -> names.add(attribute.getName()));
			return composite(entityType, idClass, names);
		}
		if (idType instanceof EmbeddableType<?> embeddable) {
			List<String> names = new ArrayList<>();
			for (Attribute<?, ?> attribute : embeddable.getAttributes()) {
				names.add(attribute.getName());
			}
			return composite(entityType, embeddable.getJavaType(), names);
		}
		Class<?> javaType = idType.getJavaType();
		if (!isWritable(javaType)) {
			throw new IllegalArgumentException(describe(entityType) + " has an id of type " + javaType.getName()
					+ " without its own toString(); the audit trail stores ids as text and cannot write it the same"
					+ " way every time (override toString(), or use a simple or composite id)");
		}
		return String::valueOf;
	}

	private static IdWriter composite(IdentifiableType<?> entityType, Class<?> idClass, List<String> names) {
		names.sort(Comparator.naturalOrder());
		List<Field> fields = new ArrayList<>();
		for (String name : names) {
			Field field = ReflectionUtils.findField(idClass, name);
			if (field == null) {
				throw new IllegalArgumentException(describe(entityType) + " has a composite id " + idClass.getName()
						+ " without a field '" + name + "'");
			}
			if (!isWritable(field.getType())) {
				throw new IllegalArgumentException(describe(entityType) + " has a composite id " + idClass.getName()
						+ " whose attribute '" + name + "' is a " + field.getType().getName()
						+ "; the audit trail stores ids as text and can write only simple values (numbers, text, UUIDs,"
						+ " enums, dates) or types with their own toString()");
			}
			ReflectionUtils.makeAccessible(field);
			fields.add(field);
		}
		return (id) -> {
			StringBuilder text = new StringBuilder();
			for (Field field : fields) {
				if (text.length() > 0) {
					text.append(',');
				}
				text.append(field.getName()).append('=').append(escape(value(ReflectionUtils.getField(field, id))));
			}
			return text.toString();
		};
	}

	private static IdReader reader(IdentifiableType<?> entityType) {
		Type<?> idType = entityType.getIdType();
		Class<?> idClass = idType.getJavaType();
		boolean composite = !entityType.hasSingleIdAttribute() || idType instanceof EmbeddableType<?>;
		if (!composite) {
			return (id, conversions) -> {
				Object converted = conversions.convert(id, ClassUtils.resolvePrimitiveIfNecessary(idClass));
				if (converted == null) {
					throw new IllegalArgumentException("it converts to nothing");
				}
				return converted;
			};
		}
		return (id, conversions) -> {
			if (idClass.isInstance(id)) {
				return id;
			}
			Object key = BeanUtils.instantiateClass(idClass);
			for (String pair : id.toString().split(",")) {
				int separator = pair.indexOf('=');
				if (separator <= 0) {
					throw new IllegalArgumentException("a composite id is written name=value,name=value");
				}
				String name = pair.substring(0, separator);
				Field field = ReflectionUtils.findField(idClass, name);
				if (field == null) {
					throw new IllegalArgumentException(idClass.getSimpleName() + " has no attribute '" + name + "'");
				}
				ReflectionUtils.makeAccessible(field);
				ReflectionUtils.setField(field, key, conversions.convert(unescape(pair.substring(separator + 1)),
						ClassUtils.resolvePrimitiveIfNecessary(field.getType())));
			}
			return key;
		};
	}

	private static String unescape(String value) {
		return value.replace("%2C", ",").replace("%3D", "=").replace("%25", "%");
	}

	private static String value(@Nullable Object value) {
		return (value instanceof Enum<?> constant) ? constant.name() : String.valueOf(value);
	}

	private static String escape(String value) {
		if (value.indexOf('%') < 0 && value.indexOf(',') < 0 && value.indexOf('=') < 0) {
			return value;
		}
		return value.replace("%", "%25").replace(",", "%2C").replace("=", "%3D");
	}

	private static boolean isWritable(Class<?> type) {
		if (type.isPrimitive() || CharSequence.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)
				|| type == Boolean.class || type == Character.class || type == UUID.class || type.isEnum()
				|| TemporalAccessor.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)) {
			return true;
		}
		Method toString = ReflectionUtils.findMethod(type, "toString");
		return toString != null && toString.getDeclaringClass() != Object.class;
	}

	private static String describe(IdentifiableType<?> type) {
		return type.getJavaType().getName();
	}

	@FunctionalInterface
	private interface IdWriter {

		String write(Object id);

	}

	@FunctionalInterface
	private interface IdReader {

		Object read(Object id, ConversionService conversions);

	}

}
