package dev.fsm.diagram;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.fsm.Workflow;

/**
 * Reads the current state name of an entity from its state field, looking through the view
 * that {@code Transitions.on(entity)} returns and through Hibernate proxies. Fields are looked
 * up once per entity type.
 */
final class EntityStates {

	private static final boolean HIBERNATE_PRESENT = ClassUtils.isPresent("org.hibernate.Hibernate",
			EntityStates.class.getClassLoader());

	private final Map<FieldKey, Field> fields = new ConcurrentHashMap<>();

	@Nullable String stateOf(Object entity, Workflow workflow) {
		Object target = unwrap(entity);
		Field field = this.fields.computeIfAbsent(new FieldKey(workflow.entityType(), workflow.field()),
				(key) -> stateField(workflow));
		Object value = ReflectionUtils.getField(field, target);
		if (value == null) {
			return null;
		}
		return (value instanceof Enum<?> constant) ? constant.name() : value.toString();
	}

	private static Field stateField(Workflow workflow) {
		Field field = ReflectionUtils.findField(workflow.entityType(), workflow.field());
		if (field == null) {
			throw new IllegalStateException(
					"No field '" + workflow.field() + "' in " + workflow.entityType().getName() + " for workflow "
							+ workflow.name());
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	private record FieldKey(Class<?> entityType, String field) {
	}

	private static Object unwrap(Object entity) {
		Object target = entity;
		if (target instanceof Advised advised && AopUtils.isAopProxy(target)) {
			try {
				Object advisedTarget = advised.getTargetSource().getTarget();
				if (advisedTarget != null) {
					target = advisedTarget;
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot read the target of " + entity.getClass().getName(), ex);
			}
		}
		return HIBERNATE_PRESENT ? org.hibernate.Hibernate.unproxy(target) : target;
	}

}
