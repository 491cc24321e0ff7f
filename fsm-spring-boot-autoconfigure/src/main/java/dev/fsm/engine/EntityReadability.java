package dev.fsm.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import dev.fsm.engine.ExpressionMembers.Member;

/**
 * Checks at start-up that an entity has every property and method an expression names on
 * it, readable the way {@link EntityFieldAccessor} and Spring's method resolution read
 * them at run time; says what is missing and what to do, in words.
 */
final class EntityReadability {

	private EntityReadability() {
	}

	/**
	 * What the expression names on the entity and cannot be read, one phrase each ("reads
	 * 'adress', which Parcel has no field or getter for: ..."), in the order written.
	 * @param rootIsEntity whether the root object is the entity (conditions)
	 * @param entityVariables the variables that hold the entity: {@code entity}, and a
	 * flow bean's entity parameter
	 */
	static List<String> problems(Expression expression, boolean rootIsEntity, Class<?> entityType,
			Set<String> entityVariables) {
		List<String> problems = new ArrayList<>();
		for (Member member : ExpressionMembers.of(expression, rootIsEntity)) {
			if (member.variable() != null && !entityVariables.contains(member.variable())) {
				continue;
			}
			String problem = member.isMethod() ? method(member, entityType) : property(member, entityType);
			if (problem != null) {
				problems.add(problem);
			}
		}
		return problems;
	}

	private static @Nullable String property(Member member, Class<?> type) {
		String name = member.name();
		if (EntityFieldAccessor.canReadProperty(type, name)) {
			return null;
		}
		String entity = type.getSimpleName();
		String reads = "reads " + member.written() + ", ";
		String getter = "get" + StringUtils.capitalize(name) + "()";
		if (ReflectionUtils.findField(type, name) != null) {
			if (!EntityFieldAccessor.readsFieldsOf(type)) {
				return reads + "a field of " + entity + " without a public getter; " + entity + " was rewritten by"
						+ " Hibernate's bytecode enhancement, which loads attributes through their getters, so the"
						+ " field is not read directly: add a public getter " + getter;
			}
			return reads + "a field of " + entity + " that cannot be read directly: add a public getter " + getter;
		}
		Method hidden = nonPublicGetter(type, name);
		if (hidden != null) {
			return reads + "whose getter " + hidden.getName() + "() is not public in " + entity + ": make it public";
		}
		String suggestion = closest(name, propertyNames(type));
		return reads + "which " + entity + " has no field or getter for: "
				+ ((suggestion != null)
						? "correct the name (did you mean '" + suggestion + "'?), or add a getter " + getter
						: "add a public getter " + getter + " to " + entity + ", or correct the name");
	}

	private static @Nullable String method(Member member, Class<?> type) {
		String name = member.name();
		int arguments = member.arguments();
		String entity = type.getSimpleName();
		String calls = "calls " + member.written() + ((arguments > 0) ? " with " + count(arguments) : "") + ", ";
		List<Integer> arities = new ArrayList<>();
		for (Method method : type.getMethods()) {
			if (method.getName().equals(name)) {
				if (takes(method, arguments)) {
					return null;
				}
				arities.add(method.getParameterCount());
			}
		}
		if (!arities.isEmpty()) {
			return calls + "but the public method " + name + " of " + entity + " takes " + count(arities.get(0))
					+ ": pass " + ((arities.get(0) == 1) ? "it" : "them");
		}
		Method[] hidden = { null };
		ReflectionUtils.doWithMethods(type, (method) -> hidden[0] = (hidden[0] != null) ? hidden[0] : method,
				(method) -> method.getName().equals(name) && takes(method, arguments));
		if (hidden[0] != null) {
			return calls + "which is not public in " + entity + ": make " + name + "() public";
		}
		String suggestion = closest(name, methodNames(type));
		return calls + "which " + entity + " has no method for: "
				+ ((suggestion != null)
						? "correct the name (did you mean '" + suggestion + "'?), or add a public method " + name + "()"
						: "add a public method " + name + "() to " + entity + ", or correct the name");
	}

	private static boolean takes(Method method, int arguments) {
		return method.getParameterCount() == arguments
				|| (method.isVarArgs() && arguments >= method.getParameterCount() - 1);
	}

	private static String count(int arguments) {
		return (arguments == 0) ? "no arguments" : (arguments == 1) ? "1 argument" : arguments + " arguments";
	}

	private static @Nullable Method nonPublicGetter(Class<?> type, String name) {
		Method[] found = { null };
		Set<String> names = Set.of("get" + StringUtils.capitalize(name), "is" + StringUtils.capitalize(name), name);
		ReflectionUtils.doWithMethods(type, (method) -> found[0] = (found[0] != null) ? found[0] : method,
				(method) -> !Modifier.isPublic(method.getModifiers()) && method.getParameterCount() == 0
						&& method.getReturnType() != void.class && names.contains(method.getName()));
		return found[0];
	}

	/**
	 * What a condition may name on the entity: fields, getters' properties, public
	 * no-argument methods.
	 */
	private static Set<String> propertyNames(Class<?> type) {
		Set<String> names = new TreeSet<>();
		ReflectionUtils.doWithFields(type, (field) -> names.add(field.getName()),
				(field) -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic());
		for (Method method : type.getMethods()) {
			if (method.getParameterCount() == 0 && method.getReturnType() != void.class
					&& method.getDeclaringClass() != Object.class) {
				String methodName = method.getName();
				if (methodName.startsWith("get") && methodName.length() > 3) {
					names.add(StringUtils.uncapitalize(methodName.substring(3)));
				}
				else if (methodName.startsWith("is") && methodName.length() > 2) {
					names.add(StringUtils.uncapitalize(methodName.substring(2)));
				}
				names.add(methodName);
			}
		}
		return names;
	}

	private static Set<String> methodNames(Class<?> type) {
		Set<String> names = new TreeSet<>();
		for (Method method : type.getMethods()) {
			if (method.getDeclaringClass() != Object.class) {
				names.add(method.getName());
			}
		}
		return names;
	}

	/** The candidate nearest to {@code name}, when it is near enough to be a typo. */
	private static @Nullable String closest(String name, Set<String> candidates) {
		int limit = Math.min(2, Math.max(1, name.length() / 3));
		String best = null;
		int bestDistance = limit + 1;
		for (String candidate : candidates) {
			int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance && !candidate.equals(name)) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/**
	 * Edit distance, a swap of two neighbouring letters counting as one edit
	 * ({@code titel}, {@code title}).
	 */
	private static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
