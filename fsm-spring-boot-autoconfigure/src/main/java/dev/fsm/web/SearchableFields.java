package dev.fsm.web;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.fsm.StateField;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDefinitionException;

/**
 * The attributes each workflow's entities may be filtered by
 * ({@link StateField#searchable()}), checked against the JPA metamodel once, at start-up;
 * and the conditions a request's {@code filter.<attribute>=value} parameters add to a
 * listing's query. Only names declared and checked here are ever written into JPQL; the
 * values are bound parameters.
 */
final class SearchableFields {

	/** The prefix of a filter's query parameter: {@code filter.authorEmail=ann}. */
	static final String PREFIX = "filter.";

	/** The longest value a filter takes. */
	static final int MAX_VALUE_LENGTH = 200;

	/**
	 * The escape character of LIKE patterns: a backslash means something else in
	 * MariaDB's SQL.
	 */
	private static final char ESCAPE = '!';

	private final Map<String, Map<String, Class<?>>> byWorkflow;

	private SearchableFields(Map<String, Map<String, Class<?>>> byWorkflow) {
		this.byWorkflow = byWorkflow;
	}

	/**
	 * @throws WorkflowDefinitionException listing every declared name that is no basic
	 * attribute of its entity
	 */
	static SearchableFields of(Collection<Workflow> workflows, EntityManagerFactory entityManagerFactory) {
		Map<String, Map<String, Class<?>>> byWorkflow = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (Workflow workflow : workflows) {
			Field field = ReflectionUtils.findField(workflow.entityType(), workflow.field());
			StateField declaration = (field != null) ? field.getAnnotation(StateField.class) : null;
			if (declaration == null || declaration.searchable().length == 0) {
				continue;
			}
			EntityType<?> entity;
			try {
				entity = entityManagerFactory.getMetamodel().entity(workflow.entityType());
			}
			catch (IllegalArgumentException ex) {
				problems.add("Workflow '" + workflow.name() + "' declares searchable attributes, but "
						+ workflow.entityType().getName() + " is no JPA entity");
				continue;
			}
			Map<String, Class<?>> attributes = new LinkedHashMap<>();
			for (String name : declaration.searchable()) {
				Attribute<?, ?> attribute = attribute(entity, name);
				if (attribute == null
						|| attribute.getPersistentAttributeType() != Attribute.PersistentAttributeType.BASIC
						|| attribute.isCollection()) {
					problems
						.add("Workflow '" + workflow.name() + "' declares searchable = \"" + name + "\", which is no"
								+ " basic persistent attribute of " + workflow.entityType().getSimpleName());
				}
				else {
					attributes.put(name, ClassUtils.resolvePrimitiveIfNecessary(attribute.getJavaType()));
				}
			}
			byWorkflow.put(workflow.name(), Map.copyOf(attributes));
		}
		if (!problems.isEmpty()) {
			throw new WorkflowDefinitionException(problems);
		}
		return new SearchableFields(byWorkflow);
	}

	private static @Nullable Attribute<?, ?> attribute(EntityType<?> entity, String name) {
		try {
			return entity.getAttribute(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The searchable attributes of {@code workflow}, in declaration order; empty for
	 * none.
	 */
	List<String> names(Workflow workflow) {
		Map<String, Class<?>> attributes = this.byWorkflow.get(workflow.name());
		if (attributes == null) {
			return List.of();
		}
		Field field = ReflectionUtils.findField(workflow.entityType(), workflow.field());
		StateField declaration = (field != null) ? field.getAnnotation(StateField.class) : null;
		return (declaration != null) ? List.of(declaration.searchable()) : List.copyOf(attributes.keySet());
	}

	/**
	 * The conditions of the request's {@code filter.*} parameters; an empty value filters
	 * nothing.
	 * @throws WorkflowApiException (400) for an attribute that is not searchable, a value
	 * too long or not of the attribute's type
	 */
	List<Condition> conditions(Workflow workflow, Map<String, String> parameters) {
		Map<String, Class<?>> attributes = this.byWorkflow.getOrDefault(workflow.name(), Map.of());
		List<Condition> conditions = new ArrayList<>();
		for (Map.Entry<String, String> entry : parameters.entrySet()) {
			if (!entry.getKey().startsWith(PREFIX)) {
				continue;
			}
			String name = entry.getKey().substring(PREFIX.length());
			Class<?> type = attributes.get(name);
			if (type == null) {
				throw new WorkflowApiException(
						ProblemType.BAD_REQUEST, "'" + abbreviate(name) + "' is no searchable"
								+ " attribute of workflow '" + workflow.name() + "'; it has " + names(workflow),
						Map.of("parameter", abbreviate(entry.getKey())));
			}
			String value = entry.getValue().trim();
			if (value.isEmpty()) {
				continue;
			}
			if (value.length() > MAX_VALUE_LENGTH) {
				throw new WorkflowApiException(ProblemType.BAD_REQUEST,
						"The filter on '" + name + "' is longer than " + MAX_VALUE_LENGTH + " characters",
						Map.of("parameter", entry.getKey()));
			}
			String parameter = "filter" + conditions.size();
			if (type == String.class) {
				conditions.add(new Condition("lower(e." + name + ") like :" + parameter + " escape '" + ESCAPE + "'",
						parameter, "%" + escape(value.toLowerCase(Locale.ROOT)) + "%"));
			}
			else {
				conditions.add(new Condition("e." + name + " = :" + parameter, parameter,
						convert(workflow, name, type, value)));
			}
		}
		return conditions;
	}

	private static Object convert(Workflow workflow, String name, Class<?> type, String value) {
		Object converted;
		try {
			converted = DefaultConversionService.getSharedInstance().convert(value, type);
		}
		catch (ConversionException | IllegalArgumentException ex) {
			converted = null;
		}
		if (converted == null) {
			throw new WorkflowApiException(
					ProblemType.BAD_REQUEST, "'" + abbreviate(value) + "' is not a valid " + name + " of "
							+ workflow.entityName() + " (" + type.getSimpleName() + ")",
					Map.of("parameter", PREFIX + name));
		}
		return converted;
	}

	private static String escape(String value) {
		StringBuilder escaped = new StringBuilder();
		for (char c : value.toCharArray()) {
			if (c == ESCAPE || c == '%' || c == '_') {
				escaped.append(ESCAPE);
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	private static String abbreviate(String text) {
		return (text.length() > 60) ? text.substring(0, 59) + "…" : text;
	}

	/**
	 * One condition of a listing's query.
	 *
	 * @param jpql the condition on the entity {@code e}, naming one parameter
	 * @param parameter the parameter's name
	 * @param value its value
	 */
	record Condition(String jpql, String parameter, Object value) {
	}

}
