package dev.fsm;

import java.lang.reflect.Type;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A parameter a caller supplies when firing a transition: one of the transition method's
 * parameters, the entity of a flow bean's method aside. User interfaces build a form from
 * them.
 *
 * @param name the parameter name (compile with {@code -parameters})
 * @param type the parameter's class
 * @param genericType the parameter's type with its type arguments ({@code List<String>})
 * @param optional whether it may be left out: a Kotlin parameter with a default value
 * (from {@code fire(..)}, left out at the end or given as {@link Transitions#DEFAULT};
 * over HTTP, left out of the body)
 * @param nullable whether {@code null} is a value: not for a primitive, nor for a Kotlin
 * parameter of a non-null type
 * @param typeName the type as the declaring code writes it, for messages: {@code int} or
 * {@code List<String>} in Java, {@code Int} or {@code List<String>} in Kotlin
 * @param label the label declared with {@link ParameterInfo#label()}, {@code null} when
 * none
 * @param help the help text declared with {@link ParameterInfo#help()}, {@code null} when
 * none
 * @since 0.2.0
 */
public record TransitionParameter(String name, Class<?> type, Type genericType, boolean optional, boolean nullable,
		String typeName, @Nullable String label, @Nullable String help) {

	private static final Pattern PACKAGES = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+");

	/** A parameter without a declared label or help text. */
	public TransitionParameter(String name, Class<?> type, Type genericType, boolean optional, boolean nullable,
			String typeName) {
		this(name, type, genericType, optional, nullable, typeName, null, null);
	}

	/**
	 * This parameter with what {@link ParameterInfo} declares; blank texts count as none.
	 * @since 0.5.0
	 */
	public TransitionParameter withInfo(@Nullable String label, @Nullable String help) {
		return new TransitionParameter(this.name, this.type, this.genericType, this.optional, this.nullable,
				this.typeName, blankToNull(label), blankToNull(help));
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	/** A parameter whose type is named as Java names it. */
	public TransitionParameter(String name, Class<?> type, Type genericType, boolean optional, boolean nullable) {
		this(name, type, genericType, optional, nullable, javaName(genericType));
	}

	/** A Java parameter: never optional, nullable unless primitive. */
	public static TransitionParameter of(String name, Class<?> type, Type genericType) {
		return new TransitionParameter(name, type, genericType, false, !type.isPrimitive());
	}

	/** {@code int}, {@code String}, {@code List<String>}: without packages. */
	private static String javaName(Type type) {
		return (type instanceof Class<?> clazz) ? clazz.getSimpleName()
				: PACKAGES.matcher(type.getTypeName()).replaceAll("");
	}

}
