package dev.fsm.security;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.util.ReflectionUtils;

import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;
import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.PermissionCompiler;
import dev.fsm.metamodel.TransitionPermission;
import dev.fsm.metamodel.UserExpression;

/**
 * Compiles permission expressions with a {@link MethodSecurityExpressionHandler}, so they
 * are evaluated like {@code @PreAuthorize}: {@code hasRole}, {@code authentication},
 * {@code principal}, {@code hasPermission}, {@code @bean.method(..)}, the method's named
 * parameters, plus {@code #entity}, {@code #source} and {@code #target}.
 */
final class SecurityPermissionCompiler implements PermissionCompiler {

	private static final Authentication NOBODY = new AnonymousAuthenticationToken("fsm", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private static final Method USER = Objects
		.requireNonNull(ReflectionUtils.findMethod(SecurityPermissionCompiler.class, "aboutTheUser"));

	private final MethodSecurityExpressionHandler handler;

	private final SecurityContextHolderStrategy strategy;

	private final GuardEvaluationContexts contexts;

	SecurityPermissionCompiler(MethodSecurityExpressionHandler handler, SecurityContextHolderStrategy strategy,
			GuardEvaluationContexts contexts) {
		this.handler = handler;
		this.strategy = strategy;
		this.contexts = contexts;
	}

	@Override
	public TransitionPermission compile(String expression) {
		Expression parsed = SpelGuardCompiler.parseCompiling(this.handler.getExpressionParser(), expression);
		return new SecurityPermission(expression, parsed);
	}

	@Override
	public UserExpression user(String expression) {
		Expression parsed = SpelGuardCompiler.parseCompiling(this.handler.getExpressionParser(), expression);
		return new SecurityUserExpression(expression, parsed);
	}

	/**
	 * A context like a permission's, without an entity: the holder method stands for the
	 * invocation.
	 */
	private EvaluationContext userContext() {
		EvaluationContext context = this.handler.createEvaluationContext(() -> authentication(null),
				new SimpleMethodInvocation(this, USER));
		if (context instanceof StandardEvaluationContext standard) {
			this.contexts.share(standard);
		}
		return context;
	}

	/** What {@link #userContext()} evaluates for: a method with no parameters. */
	static void aboutTheUser() {
	}

	private Authentication authentication(@Nullable Principal user) {
		if (user != null) {
			return SecurityActorProvider.toAuthentication(user);
		}
		Authentication current = this.strategy.getContext().getAuthentication();
		return (current != null) ? current : NOBODY;
	}

	private final class SecurityPermission implements TransitionPermission {

		private final String expression;

		private final Expression parsed;

		private final Set<String> variables;

		SecurityPermission(String expression, Expression parsed) {
			this.expression = expression;
			this.parsed = parsed;
			this.variables = SpelGuardCompiler.variables(parsed);
		}

		@Override
		public Set<String> variables() {
			return this.variables;
		}

		@Override
		public String expression() {
			return this.expression;
		}

		@Override
		public List<String> unreadable(Class<?> entityType, Set<String> entityVariables) {
			return SpelGuardCompiler.unreadable(this.parsed, false, entityType, entityVariables);
		}

		@Override
		public boolean isGranted(GuardInput input, @Nullable Principal user) {
			Supplier<Authentication> authentication = () -> authentication(user);
			SimpleMethodInvocation invocation = new SimpleMethodInvocation(input.target(), input.method(),
					input.arguments());
			EvaluationContext context = SecurityPermissionCompiler.this.handler.createEvaluationContext(authentication,
					invocation);
			if (context instanceof StandardEvaluationContext standard) {
				SecurityPermissionCompiler.this.contexts.prepare(standard, input);
			}
			else {
				context.setVariable("entity", input.entity());
				context.setVariable("source", input.source());
				context.setVariable("target", input.targetState());
			}
			return ExpressionUtils.evaluateAsBoolean(this.parsed, context);
		}

		@Override
		public String toString() {
			return this.expression;
		}

	}

	private final class SecurityUserExpression implements UserExpression {

		private final String expression;

		private final Expression parsed;

		SecurityUserExpression(String expression, Expression parsed) {
			this.expression = expression;
			this.parsed = parsed;
		}

		@Override
		public String expression() {
			return this.expression;
		}

		@Override
		public @Nullable Object value() {
			return this.parsed.getValue(userContext());
		}

		@Override
		public boolean isGranted() {
			return ExpressionUtils.evaluateAsBoolean(this.parsed, userContext());
		}

		@Override
		public String toString() {
			return this.expression;
		}

	}

}
