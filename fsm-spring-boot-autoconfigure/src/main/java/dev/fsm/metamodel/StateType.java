package dev.fsm.metamodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Converts between the values of a state field and the state names used in annotations,
 * events, exceptions and the audit trail.
 */
abstract class StateType {

	/**
	 * The state type of a field type, or {@code null} when the type cannot hold states.
	 */
	static @Nullable StateType of(Class<?> fieldType) {
		if (fieldType.isEnum()) {
			return new EnumStates(fieldType);
		}
		if (fieldType == String.class) {
			return new StringStates();
		}
		if (fieldType == int.class || fieldType == Integer.class) {
			return new IntStates();
		}
		return null;
	}

	/** The name of a state value. */
	abstract String name(Object value);

	/**
	 * The state value of a name.
	 * @throws IllegalArgumentException when the name is no state of this type
	 */
	abstract Object value(String name);

	/** The states the type itself defines (enum constants), empty for open types. */
	List<String> definedStates() {
		return List.of();
	}

	/** The Java type of the values. */
	abstract Class<?> javaType();

	private static final class EnumStates extends StateType {

		private final Class<?> enumType;

		private final Map<String, Object> constants = new LinkedHashMap<>();

		EnumStates(Class<?> enumType) {
			this.enumType = enumType;
			for (Object constant : enumType.getEnumConstants()) {
				this.constants.put(((Enum<?>) constant).name(), constant);
			}
		}

		@Override
		String name(Object value) {
			return ((Enum<?>) value).name();
		}

		@Override
		Object value(String name) {
			Object constant = this.constants.get(name);
			if (constant == null) {
				throw new IllegalArgumentException(
						"'" + name + "' is not a constant of " + this.enumType.getSimpleName() + " " + definedStates());
			}
			return constant;
		}

		@Override
		List<String> definedStates() {
			return new ArrayList<>(this.constants.keySet());
		}

		@Override
		Class<?> javaType() {
			return this.enumType;
		}

	}

	private static final class StringStates extends StateType {

		@Override
		String name(Object value) {
			return (String) value;
		}

		@Override
		Object value(String name) {
			return name;
		}

		@Override
		Class<?> javaType() {
			return String.class;
		}

	}

	private static final class IntStates extends StateType {

		@Override
		String name(Object value) {
			return String.valueOf(value);
		}

		@Override
		Object value(String name) {
			try {
				return Integer.valueOf(name.trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'" + name + "' is not an int state", ex);
			}
		}

		@Override
		Class<?> javaType() {
			return Integer.class;
		}

	}

}
