package dev.fsm.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What an operator reads an entity by besides its id: its {@code toString()}, when its class
 * (or a superclass other than {@code Object}) declares one; nothing otherwise, since
 * {@code Object}'s names only a hash. Whether a class declares one is looked up once.
 */
final class EntityLabels {

	private static final int MAX_LENGTH = 200;

	private final Map<Class<?>, Boolean> declared = new ConcurrentHashMap<>();

	@Nullable String label(Object entity) {
		Class<?> type = ClassUtils.getUserClass(entity);
		if (!this.declared.computeIfAbsent(type, EntityLabels::declaresToString)) {
			return null;
		}
		String label = entity.toString();
		return (label.length() > MAX_LENGTH) ? label.substring(0, MAX_LENGTH - 1) + "…" : label;
	}

	private static boolean declaresToString(Class<?> type) {
		Method method = ReflectionUtils.findMethod(type, "toString");
		return method != null && method.getDeclaringClass() != Object.class;
	}

}
