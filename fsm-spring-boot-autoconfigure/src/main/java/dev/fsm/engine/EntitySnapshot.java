package dev.fsm.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * The values of an entity's fields before a transition changed anything, so that a failed
 * transition leaves the caller's instance as it was: state, the fields the body set, id
 * and version. Values are copied shallowly: a collection or embedded object changed in
 * place is not undone (the database is). The fields of a class are found once.
 */
final class EntitySnapshot {

	private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {

		@Override
		protected Field[] computeValue(Class<?> type) {
			List<Field> fields = new ArrayList<>();
			ReflectionUtils.doWithFields(type, (field) -> {
				ReflectionUtils.makeAccessible(field);
				fields.add(field);
			}, EntitySnapshot::isRestorable);
			return fields.toArray(new Field[0]);
		}

	};

	private final Object entity;

	private final Field[] fields;

	private final @Nullable Object[] values;

	private EntitySnapshot(Object entity) {
		this.entity = entity;
		this.fields = FIELDS.get(entity.getClass());
		this.values = new Object[this.fields.length];
		for (int i = 0; i < this.fields.length; i++) {
			this.values[i] = ReflectionUtils.getField(this.fields[i], entity);
		}
	}

	static EntitySnapshot of(Object entity) {
		return new EntitySnapshot(entity);
	}

	/** Puts every field back to the value it had when the snapshot was taken. */
	void restore() {
		for (int i = 0; i < this.fields.length; i++) {
			ReflectionUtils.setField(this.fields[i], this.entity, this.values[i]);
		}
	}

	/** Instance fields a body can assign; not the fields bytecode enhancement adds. */
	private static boolean isRestorable(Field field) {
		int modifiers = field.getModifiers();
		return !Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && !field.isSynthetic()
				&& !field.getName().startsWith("$$_hibernate_");
	}

}
