package dev.fsm.metamodel;

import java.lang.reflect.Field;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * Reads and writes one state field; the field is resolved and made accessible once.
 * <p>
 * Public because the engine and the JPA integration read and write states with it.
 */
public final class StateAccessor {

	private final Field field;

	private final StateType type;

	StateAccessor(Field field, StateType type) {
		ReflectionUtils.makeAccessible(field);
		this.field = field;
		this.type = type;
	}

	/** The current state value of {@code entity}. */
	public @Nullable Object get(Object entity) {
		return ReflectionUtils.getField(this.field, entity);
	}

	/** Sets the state value of {@code entity}. */
	public void set(Object entity, Object value) {
		ReflectionUtils.setField(this.field, entity, value);
	}

	/**
	 * The name of the current state of {@code entity}, {@code null} when the field is
	 * null.
	 */
	public @Nullable String getName(Object entity) {
		Object value = get(entity);
		return (value != null) ? this.type.name(value) : null;
	}

	/** The name of a state value. */
	public String name(Object value) {
		return this.type.name(value);
	}

	/**
	 * The state value of a name.
	 * @throws IllegalArgumentException when the name is no value of the field's type
	 */
	public Object value(String name) {
		return this.type.value(name);
	}

	/** The Java type of the state values (the wrapper type of an {@code int} field). */
	public Class<?> javaType() {
		return this.type.javaType();
	}

	StateType type() {
		return this.type;
	}

	public Field field() {
		return this.field;
	}

}
