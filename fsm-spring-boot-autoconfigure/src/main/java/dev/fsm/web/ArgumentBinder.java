package dev.fsm.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import dev.fsm.TransitionParameter;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;

/**
 * Turns a JSON request body into the arguments of a transition method, by parameter name,
 * and describes the parameters as JSON Schema for clients that render a form. The body is
 * parsed within the limits below (Jackson's stream read constraints, tighter than its
 * defaults, on the application's JSON features) and its values converted with the
 * application's Jackson 3 {@code JsonMapper}, numbers with a fraction as
 * {@code BigDecimal}, so that an amount keeps every digit it was sent with.
 */
final class ArgumentBinder {

	private static final boolean JACKSON_PRESENT = ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper",
			ArgumentBinder.class.getClassLoader());

	static final String NOT_AN_OBJECT = "The request body is not a JSON object of the transition's arguments by name";

	/** How deep objects and arrays of arguments may nest. */
	static final int MAX_DEPTH = 32;

	/**
	 * How many characters a number may have, and how far its exponent may move the point.
	 */
	static final int MAX_NUMBER_LENGTH = 100;

	/** How long a property name may be. */
	static final int MAX_NAME_LENGTH = 256;

	static final String OVER_LIMITS = "The request body is over the limits of transition arguments: JSON nested at most "
			+ MAX_DEPTH + " deep, numbers of at most " + MAX_NUMBER_LENGTH + " digits, names of at most "
			+ MAX_NAME_LENGTH + " characters";

	private final @Nullable Object jsonMapper;

	/** Reads the body into a tree, within the limits; {@code null} without Jackson. */
	private final @Nullable Object treeReader;

	/**
	 * @param jsonMapper the application's {@code tools.jackson.databind.json.JsonMapper},
	 * or {@code null} for one with Jackson's defaults
	 * @param maxRequestSize the longest body, and so the longest string in it
	 */
	ArgumentBinder(@Nullable Object jsonMapper, long maxRequestSize) {
		this.jsonMapper = !JACKSON_PRESENT ? null : (jsonMapper != null) ? jsonMapper : JacksonConversion.defaults();
		this.treeReader = (this.jsonMapper != null) ? JacksonConversion.treeReader(this.jsonMapper, maxRequestSize)
				: null;
	}

	/**
	 * The arguments of {@code transition} from {@code body}: every parameter by name,
	 * none unknown, each converted to the parameter's type. Optional parameters (Kotlin's
	 * with default values) may be missing, wherever they are, as in a Kotlin call that
	 * names its arguments: each is {@link Transitions#DEFAULT}, and Kotlin supplies its
	 * default value.
	 * @throws WorkflowApiException (400) naming the argument that does not fit
	 */
	@Nullable Object[] bind(TransitionRoute transition, byte[] body) {
		Map<String, Object> given = parse(body);
		List<TransitionParameter> parameters = transition.parameters();
		for (String name : given.keySet()) {
			if (parameters.stream().noneMatch((parameter) -> parameter.name().equals(name))) {
				throw badArgument(transition, name,
						"is no argument of transition '" + transition.name() + "', which takes " + names(parameters));
			}
		}
		List<@Nullable Object> arguments = new ArrayList<>();
		for (TransitionParameter parameter : parameters) {
			Object value = given.get(parameter.name());
			if (value == null && parameter.optional()) {
				arguments.add(Transitions.DEFAULT);
			}
			else if (value == null) {
				throw badArgument(transition, parameter.name(),
						"is missing; transition '" + transition.name() + "' takes " + names(parameters));
			}
			else {
				arguments.add(convert(transition, parameter, value));
			}
		}
		return arguments.toArray();
	}

	/** The properties of the JSON object of the body, by name; none for an empty body. */
	private Map<String, Object> parse(byte[] body) {
		if (isBlank(body)) {
			return Map.of();
		}
		Object reader = this.treeReader;
		if (reader == null) {
			throw new WorkflowApiException(ProblemType.BAD_REQUEST,
					"This application reads no JSON arguments: Jackson 3 is not on its classpath");
		}
		try {
			return JacksonConversion.properties(reader, body);
		}
		catch (RuntimeException ex) {
			throw new WorkflowApiException(ProblemType.BAD_REQUEST,
					JacksonConversion.isOverLimits(ex) ? OVER_LIMITS : NOT_AN_OBJECT);
		}
	}

	private static boolean isBlank(byte[] body) {
		for (byte each : body) {
			if (each != ' ' && each != '\t' && each != '\r' && each != '\n') {
				return false;
			}
		}
		return true;
	}

	private @Nullable Object convert(TransitionRoute transition, TransitionParameter parameter, Object value) {
		Object mapper = this.jsonMapper;
		if (mapper == null || JacksonConversion.isNull(value)) {
			if (!parameter.nullable()) {
				throw badArgument(transition, parameter.name(), "may not be null: its type is " + parameter.typeName());
			}
			return null;
		}
		if (JacksonConversion.isOverLimits(value)) {
			throw badArgument(transition, parameter.name(),
					"is a number beyond the " + MAX_NUMBER_LENGTH + " digits this API accepts");
		}
		try {
			return JacksonConversion.convert(mapper, value, parameter.genericType());
		}
		catch (RuntimeException ex) {
			throw badArgument(transition, parameter.name(),
					"is not a " + parameter.typeName() + ": " + JacksonConversion.text(value));
		}
	}

	private static WorkflowApiException badArgument(TransitionRoute transition, String name, String problem) {
		return new WorkflowApiException(ProblemType.BAD_REQUEST,
				"Argument '" + name + "' of transition '" + transition.name() + "' " + problem,
				Map.of("argument", name));
	}

	private static String names(List<TransitionParameter> parameters) {
		if (parameters.isEmpty()) {
			return "no arguments";
		}
		List<String> names = new ArrayList<>();
		parameters.forEach((parameter) -> names.add(parameter.typeName() + " " + parameter.name()));
		return "(" + String.join(", ", names) + ")";
	}

	/**
	 * The JSON Schema of an object holding the transition's arguments: every parameter a
	 * property, required unless it is optional (explicit {@code null} is accepted where
	 * the parameter is nullable).
	 */
	static Map<String, Object> schema(TransitionRoute transition) {
		Map<String, Object> properties = new LinkedHashMap<>();
		List<String> required = new ArrayList<>();
		for (TransitionParameter parameter : transition.parameters()) {
			properties.put(parameter.name(), schema(parameter.genericType()));
			if (!parameter.optional()) {
				required.add(parameter.name());
			}
		}
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("properties", properties);
		schema.put("required", required);
		schema.put("additionalProperties", false);
		return schema;
	}

	static Map<String, Object> schema(Type type) {
		Class<?> raw = ClassUtils.resolvePrimitiveIfNecessary(rawClass(type));
		Map<String, Object> schema = new LinkedHashMap<>();
		if (raw == String.class || raw == Character.class) {
			schema.put("type", "string");
		}
		else if (raw == Boolean.class) {
			schema.put("type", "boolean");
		}
		else if (raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class
				|| raw == BigInteger.class) {
			schema.put("type", "integer");
		}
		else if (Number.class.isAssignableFrom(raw) || raw == BigDecimal.class) {
			schema.put("type", "number");
		}
		else if (raw.isEnum()) {
			schema.put("type", "string");
			schema.put("enum", Arrays.stream(raw.getEnumConstants()).map((c) -> ((Enum<?>) c).name()).toList());
		}
		else if (raw == UUID.class) {
			schema.put("type", "string");
			schema.put("format", "uuid");
		}
		else if (raw == LocalDate.class) {
			schema.put("type", "string");
			schema.put("format", "date");
		}
		else if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class
				|| raw == LocalDateTime.class) {
			schema.put("type", "string");
			schema.put("format", "date-time");
		}
		else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
			schema.put("type", "array");
			schema.put("items", schema(elementType(type)));
		}
		else {
			schema.put("type", "object");
		}
		return schema;
	}

	private static Class<?> rawClass(Type type) {
		if (type instanceof Class<?> clazz) {
			return clazz;
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
			return raw;
		}
		return Object.class;
	}

	private static Type elementType(Type type) {
		if (type instanceof Class<?> clazz && clazz.isArray()) {
			return clazz.getComponentType();
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
			return parameterized.getActualTypeArguments()[0];
		}
		return Object.class;
	}

	/** Kept apart so that Jackson's classes load only when Jackson 3 is present. */
	private static final class JacksonConversion {

		static Object defaults() {
			return tools.jackson.databind.json.JsonMapper.builder().build();
		}

		/**
		 * A mapper that only reads trees: the application's JSON features (comments, say)
		 * with tighter stream read constraints, floats as {@code BigDecimal}.
		 */
		static Object treeReader(Object mapper, long maxRequestSize) {
			tools.jackson.core.TokenStreamFactory factory = ((tools.jackson.databind.json.JsonMapper) mapper)
				.tokenStreamFactory();
			int maxString = (int) Math.min(Integer.MAX_VALUE, Math.max(maxRequestSize, 1));
			tools.jackson.core.StreamReadConstraints constraints = tools.jackson.core.StreamReadConstraints.builder()
				.maxNestingDepth(MAX_DEPTH)
				.maxNumberLength(MAX_NUMBER_LENGTH)
				.maxNameLength(MAX_NAME_LENGTH)
				.maxStringLength(maxString)
				.maxDocumentLength(Math.max(maxRequestSize, 1))
				.build();
			tools.jackson.core.json.JsonFactory limited = (factory instanceof tools.jackson.core.json.JsonFactory json)
					? json.rebuild().streamReadConstraints(constraints).build()
					: tools.jackson.core.json.JsonFactory.builder().streamReadConstraints(constraints).build();
			return tools.jackson.databind.json.JsonMapper.builder(limited)
				.enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
				.build();
		}

		static Map<String, Object> properties(Object treeReader, byte[] body) {
			tools.jackson.databind.JsonNode tree = ((tools.jackson.databind.json.JsonMapper) treeReader).readTree(body);
			if (tree == null || !tree.isObject()) {
				throw new IllegalArgumentException("not an object");
			}
			Map<String, Object> properties = new LinkedHashMap<>();
			tree.properties().forEach((property) -> properties.put(property.getKey(), property.getValue()));
			return properties;
		}

		/** Whether parsing failed on one of the stream read constraints. */
		static boolean isOverLimits(RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof tools.jackson.core.exc.StreamConstraintsException) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Whether a number's exponent moves its point further than a number may be long:
		 * {@code 1e999999999} is short text, but a {@code BigInteger} or plain string of
		 * it is not. Containers are searched: the tree is as small as the body.
		 */
		static boolean isOverLimits(Object node) {
			tools.jackson.databind.JsonNode json = (tools.jackson.databind.JsonNode) node;
			if (json.isContainer()) {
				for (tools.jackson.databind.JsonNode element : json.values()) {
					if (isOverLimits(element)) {
						return true;
					}
				}
				return false;
			}
			return json.isBigDecimal() && Math.abs((long) json.decimalValue().scale()) > MAX_NUMBER_LENGTH;
		}

		static boolean isNull(Object node) {
			return ((tools.jackson.databind.JsonNode) node).isNull();
		}

		static Object convert(Object mapper, Object node, Type type) {
			tools.jackson.databind.json.JsonMapper json = (tools.jackson.databind.json.JsonMapper) mapper;
			Object value = json.treeToValue((tools.jackson.databind.JsonNode) node, json.constructType(type));
			if (value == null) {
				throw new IllegalArgumentException("converts to nothing");
			}
			return value;
		}

		static String text(Object node) {
			tools.jackson.databind.JsonNode json = (tools.jackson.databind.JsonNode) node;
			return json.isString() ? json.asString() : json.toString();
		}

	}

}
