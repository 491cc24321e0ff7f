package dev.fsm.metamodel;

import java.beans.PropertyDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import dev.fsm.Condition;

/**
 * The {@link Condition} declarations of a class that declares transitions (the entity
 * class, or a flow bean's class together with its entity's), compiled once. Problems are
 * collected, not thrown.
 */
final class NamedConditions {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final Map<String, NamedCondition> conditions;

	private NamedConditions(Map<String, NamedCondition> conditions) {
		this.conditions = conditions;
	}

	static NamedConditions declared(Class<?> owner, Class<?> entityType, GuardCompiler guards, List<String> problems) {
		Map<String, NamedCondition> conditions = new LinkedHashMap<>();
		List<Condition> declarations = new java.util.ArrayList<>(
				AnnotatedElementUtils.findMergedRepeatableAnnotations(owner, Condition.class));
		if (owner != entityType) {
			declarations.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(entityType, Condition.class));
		}
		for (Condition declaration : declarations) {
			String name = declaration.name().trim();
			String where = owner.getSimpleName() + " has @Condition(name = \"" + declaration.name() + "\")";
			if (!IDENTIFIER.matcher(name).matches()) {
				problems.add(where + ", which is no Java identifier; name a condition like \"authorApproved\"");
				continue;
			}
			if (isProperty(entityType, name)) {
				problems.add(where + ", which is also a property of " + entityType.getSimpleName() + "; rename the"
						+ " condition, \"" + name + "\" in conditions would be ambiguous");
				continue;
			}
			if (conditions.containsKey(name)) {
				problems.add(where + " twice; declare it once");
				continue;
			}
			if (!StringUtils.hasText(declaration.value())) {
				problems
					.add(where + " without an expression; write @Condition(name = \"" + name + "\", value = \"..\")");
				continue;
			}
			TransitionCondition compiled;
			try {
				compiled = guards.condition(declaration.value());
			}
			catch (IllegalArgumentException ex) {
				problems.add(where + " with expression \"" + declaration.value() + "\" that does not parse: "
						+ ex.getMessage());
				continue;
			}
			for (String unreadable : compiled.unreadable(entityType, Set.of("entity"))) {
				problems.add(where + " with expression \"" + declaration.value() + "\" that " + unreadable);
			}
			conditions.put(name, new NamedCondition(name, compiled,
					MessageTemplate.declared(declaration.message(), where + " with message", entityType, problems)));
		}
		return new NamedConditions(conditions);
	}

	private static boolean isProperty(Class<?> type, String name) {
		PropertyDescriptor descriptor = BeanUtils.getPropertyDescriptor(type, name);
		return (descriptor != null && descriptor.getReadMethod() != null)
				|| ReflectionUtils.findField(type, name) != null;
	}

	/** The condition of this name, {@code null} when none is declared. */
	@Nullable NamedCondition get(String name) {
		return this.conditions.get(name);
	}

	/**
	 * For an expression that names nothing readable: the declared conditions, in case it
	 * was meant as one of them; empty when the class declares none.
	 */
	String suggestion(String expression) {
		if (this.conditions.isEmpty() || !IDENTIFIER.matcher(expression.trim()).matches()) {
			return "";
		}
		return "; nor is it one of the conditions declared with @Condition " + this.conditions.keySet();
	}

}
