package dev.fsm.web;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

import dev.fsm.StateField;
import dev.fsm.Workflow;

/**
 * The fields of an entity an operator reads on its page: its basic persistent attributes,
 * in the order its class declares them, but for its id and version (shown apart, or
 * internals), its state fields (shown apart) and those {@code fsm.web.hidden-fields}
 * names, as {@code attribute} or {@code Entity.attribute}. Found in the JPA metamodel
 * once per workflow, at start-up; a value is read through its field or getter, and one
 * that throws leaves that field out, never the page broken.
 */
final class EntityFields {

	private static final Log logger = LogFactory.getLog(EntityFields.class);

	/** Longer values are cut, as labels are. */
	private static final int MAX_LENGTH = 500;

	private final Map<String, List<Shown>> byWorkflow;

	private EntityFields(Map<String, List<Shown>> byWorkflow) {
		this.byWorkflow = byWorkflow;
	}

	static EntityFields of(Collection<Workflow> workflows, EntityManagerFactory entityManagerFactory,
			Set<String> hidden) {
		Map<String, List<Shown>> byWorkflow = new LinkedHashMap<>();
		for (Workflow workflow : workflows) {
			EntityType<?> entity;
			try {
				entity = entityManagerFactory.getMetamodel().entity(workflow.entityType());
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			List<Shown> shown = new ArrayList<>();
			for (Attribute<?, ?> attribute : entity.getAttributes()) {
				if (isShown(workflow, attribute, hidden)) {
					shown.add(new Shown(attribute.getName(), attribute.getJavaMember()));
				}
			}
			List<String> order = declarationOrder(workflow.entityType());
			shown.sort(Comparator.comparingInt((Shown field) -> {
				int index = order.indexOf(field.name());
				return (index < 0) ? Integer.MAX_VALUE : index;
			}));
			shown.forEach((field) -> {
				if (field.member() instanceof Field javaField) {
					ReflectionUtils.makeAccessible(javaField);
				}
				else if (field.member() instanceof Method method) {
					ReflectionUtils.makeAccessible(method);
				}
			});
			byWorkflow.put(workflow.name(), List.copyOf(shown));
		}
		return new EntityFields(byWorkflow);
	}

	private static boolean isShown(Workflow workflow, Attribute<?, ?> attribute, Set<String> hidden) {
		if (attribute.getPersistentAttributeType() != Attribute.PersistentAttributeType.BASIC
				|| attribute.isCollection()) {
			return false;
		}
		if (attribute instanceof SingularAttribute<?, ?> singular && (singular.isId() || singular.isVersion())) {
			return false;
		}
		String name = attribute.getName();
		if (hidden.contains(name) || hidden.contains(workflow.entityName() + "." + name)) {
			return false;
		}
		Member member = attribute.getJavaMember();
		return !(member instanceof Field field && field.isAnnotationPresent(StateField.class));
	}

	/** The fields of the class, superclasses' first. */
	private static List<String> declarationOrder(Class<?> type) {
		List<String> names = new ArrayList<>();
		if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
			names.addAll(declarationOrder(type.getSuperclass()));
		}
		for (Field field : type.getDeclaredFields()) {
			names.add(field.getName());
		}
		return names;
	}

	/**
	 * {@code name} and {@code value} of each field shown; a value is text, a number or a
	 * boolean.
	 */
	List<Map<String, @Nullable Object>> of(Workflow workflow, Object entity) {
		List<Map<String, @Nullable Object>> fields = new ArrayList<>();
		for (Shown field : this.byWorkflow.getOrDefault(workflow.name(), List.of())) {
			Object value;
			try {
				value = field.read(entity);
			}
			catch (RuntimeException ex) {
				logger.warn("Cannot read " + field.name() + " of " + workflow.entityName() + " for the console", ex);
				continue;
			}
			Map<String, @Nullable Object> shown = new LinkedHashMap<>();
			shown.put("name", field.name());
			shown.put("value", json(value));
			fields.add(shown);
		}
		return fields;
	}

	private static @Nullable Object json(@Nullable Object value) {
		if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
				|| value instanceof Short || value instanceof Byte) {
			return value;
		}
		String text = (value instanceof Enum<?> constant) ? constant.name() : value.toString();
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
	}

	private record Shown(String name, Member member) {

		@Nullable Object read(Object entity) {
			if (this.member instanceof Field field) {
				return ReflectionUtils.getField(field, entity);
			}
			if (this.member instanceof Method method) {
				return ReflectionUtils.invokeMethod(method, entity);
			}
			return null;
		}

	}

}
