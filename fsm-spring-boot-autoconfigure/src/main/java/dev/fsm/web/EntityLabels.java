package dev.fsm.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What an operator reads an entity by besides its id: its {@code toString()}, when its
 * class (or a superclass other than {@code Object}) declares one; nothing otherwise,
 * since {@code Object}'s names only a hash. Whether a class declares one is looked up
 * once. One bad row never breaks a page: a {@code toString()} that returns {@code null}
 * or throws gives an empty label (the failure is logged, in full the first time for each
 * class).
 */
final class EntityLabels {

	private static final Log logger = LogFactory.getLog(EntityLabels.class);

	private static final int MAX_LENGTH = 200;

	private final Map<Class<?>, Boolean> declared = new ConcurrentHashMap<>();

	private final Set<Class<?>> failing = ConcurrentHashMap.newKeySet();

	@Nullable String label(Object entity) {
		Class<?> type = ClassUtils.getUserClass(entity);
		if (!this.declared.computeIfAbsent(type, EntityLabels::declaresToString)) {
			return null;
		}
		String label;
		try {
			label = entity.toString();
		}
		catch (RuntimeException ex) {
			if (this.failing.add(type)) {
				logger.warn(type.getName() + ".toString() threw; the workflow API shows such entities with an"
						+ " empty label", ex);
			}
			else {
				logger.debug(type.getName() + ".toString() threw again: " + ex);
			}
			return "";
		}
		if (label == null) {
			return "";
		}
		return (label.length() > MAX_LENGTH) ? label.substring(0, MAX_LENGTH - 1) + "…" : label;
	}

	private static boolean declaresToString(Class<?> type) {
		Method method = ReflectionUtils.findMethod(type, "toString");
		return method != null && method.getDeclaringClass() != Object.class;
	}

}
