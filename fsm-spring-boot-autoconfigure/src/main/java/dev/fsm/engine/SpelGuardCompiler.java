package dev.fsm.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.StringUtils;

import dev.fsm.metamodel.GuardCompiler;
import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.PermissionCompiler;
import dev.fsm.metamodel.TransitionCondition;
import dev.fsm.metamodel.TransitionPermission;
import dev.fsm.metamodel.UserExpression;

/**
 * Compiles conditions as SpEL with the entity as root object, and delegates permissions
 * to the Spring Security integration when there is one.
 * <p>
 * Public because the auto-configuration creates it and the security integration parses
 * with it.
 */
public final class SpelGuardCompiler implements GuardCompiler {

	/**
	 * SpEL that turns into bytecode once an expression has been interpreted often enough
	 * (Spring's mixed mode), and goes back to interpreting when the compiled form fails.
	 */
	private static final SpelExpressionParser COMPILING = new SpelExpressionParser(
			new SpelParserConfiguration(SpelCompilerMode.MIXED, SpelGuardCompiler.class.getClassLoader()));

	private final ExpressionParser parser;

	private final GuardEvaluationContexts contexts;

	private final @Nullable PermissionCompiler permissions;

	private final @Nullable String defaultPermission;

	public SpelGuardCompiler(GuardEvaluationContexts contexts, @Nullable PermissionCompiler permissions) {
		this(contexts, permissions, null);
	}

	/**
	 * @param defaultPermission the permission of transitions that declare none, or
	 * {@code null}
	 */
	public SpelGuardCompiler(GuardEvaluationContexts contexts, @Nullable PermissionCompiler permissions,
			@Nullable String defaultPermission) {
		this.parser = COMPILING;
		this.contexts = contexts;
		this.permissions = permissions;
		this.defaultPermission = StringUtils.hasText(defaultPermission) ? defaultPermission : null;
	}

	@Override
	public @Nullable String defaultPermission() {
		return this.defaultPermission;
	}

	@Override
	public TransitionCondition condition(String expression) {
		Expression parsed = parse(this.parser, expression);
		return new SpelCondition(expression, parsed, variables(parsed), this.contexts);
	}

	@Override
	public TransitionPermission permission(String expression) {
		if (this.permissions == null) {
			throw new IllegalStateException(
					"permissions need Spring Security on the classpath (add spring-boot-starter-security)");
		}
		return this.permissions.compile(expression);
	}

	@Override
	public UserExpression user(String expression) {
		if (this.permissions == null) {
			return GuardCompiler.super.user(expression);
		}
		return this.permissions.user(expression);
	}

	/**
	 * {@code expression} parsed by {@code parser}; when that is a SpEL parser, parsed
	 * again to be compiled like conditions are, unless the compiling parser refuses what
	 * {@code parser} (configured otherwise) accepted.
	 * @throws IllegalArgumentException when {@code parser} cannot parse it
	 */
	public static Expression parseCompiling(ExpressionParser parser, String expression) {
		Expression parsed = parse(parser, expression);
		if (!(parser instanceof SpelExpressionParser)) {
			return parsed;
		}
		try {
			return COMPILING.parseExpression(expression);
		}
		catch (ParseException | IllegalStateException ex) {
			return parsed;
		}
	}

	/**
	 * Parses an expression, turning a syntax error into an
	 * {@link IllegalArgumentException} with SpEL's message.
	 */
	public static Expression parse(ExpressionParser parser, String expression) {
		try {
			return parser.parseExpression(expression);
		}
		catch (ParseException | IllegalStateException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/**
	 * The names of the {@code #variables} a parsed expression reads, found once in its
	 * syntax tree; empty for expressions that are not SpEL.
	 */
	public static Set<String> variables(Expression expression) {
		Set<String> names = new LinkedHashSet<>();
		if (expression instanceof SpelExpression spel) {
			collectVariables(spel.getAST(), names);
		}
		return Set.copyOf(names);
	}

	/**
	 * What a parsed expression names on the entity that cannot be read at run time, one
	 * phrase each; empty for expressions that are not SpEL.
	 * @param rootIsEntity whether the root object is the entity (conditions), or Spring
	 * Security's (permissions)
	 * @param entityVariables the variables that hold the entity
	 * @see TransitionCondition#unreadable(Class, Set)
	 */
	public static List<String> unreadable(Expression expression, boolean rootIsEntity, Class<?> entityType,
			Set<String> entityVariables) {
		return EntityReadability.problems(expression, rootIsEntity, entityType, entityVariables);
	}

	private static void collectVariables(SpelNode node, Set<String> names) {
		if (node instanceof VariableReference) {
			// "#name"; #this and #root are no arguments
			String name = node.toStringAST().substring(1);
			if (!name.equals("this") && !name.equals("root")) {
				names.add(name);
			}
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collectVariables(node.getChild(i), names);
		}
	}

	private record SpelCondition(String expression, Expression parsed, Set<String> variables,
			GuardEvaluationContexts contexts) implements TransitionCondition {

		@Override
		public List<String> unreadable(Class<?> entityType, Set<String> entityVariables) {
			return SpelGuardCompiler.unreadable(this.parsed, true, entityType, entityVariables);
		}

		@Override
		public boolean holds(GuardInput input) {
			EvaluationContext context = this.contexts.create(input);
			Object value = this.parsed.getValue(context);
			if (value instanceof Boolean holds) {
				return holds;
			}
			// what getValue(context, Boolean.class) would convert, without converting a
			// Boolean to itself
			return Boolean.TRUE.equals(context.getTypeConverter()
				.convertValue(value, TypeDescriptor.forObject(value), TypeDescriptor.valueOf(Boolean.class)));
		}

	}

}
