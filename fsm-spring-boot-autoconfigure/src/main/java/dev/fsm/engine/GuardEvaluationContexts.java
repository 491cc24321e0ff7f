package dev.fsm.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import dev.fsm.metamodel.GuardInput;
import dev.fsm.spi.EntityStore;

/**
 * Creates the evaluation context of one guard evaluation. The property accessors, method
 * resolvers and their caches are shared by every evaluation, so that reflection lookups
 * happen once per type, not once per transition.
 * <p>
 * Public because the security integration evaluates permissions with it.
 */
public final class GuardEvaluationContexts {

	private final StandardEvaluationContext shared;

	private final GuardEvaluationContext.Shared conditions;

	/** Contexts for plain objects, which no persistence proxy stands for. */
	public GuardEvaluationContexts(BeanResolver beans) {
		this(beans, UnaryOperator.identity());
	}

	/**
	 * @param unproxy the entity behind a persistence proxy, other objects unchanged
	 * ({@link EntityStore#unproxy}): expressions read fields of the entity, never of its
	 * proxy
	 */
	public GuardEvaluationContexts(BeanResolver beans, UnaryOperator<Object> unproxy) {
		this.shared = new StandardEvaluationContext();
		this.shared.setBeanResolver(beans);
		// Spring's accessor (getters, public fields), which also reads workflow entities'
		// other fields
		List<PropertyAccessor> accessors = new ArrayList<>();
		accessors.add(new EntityFieldAccessor(unproxy));
		this.shared.setPropertyAccessors(accessors);
		this.conditions = new GuardEvaluationContext.Shared(this.shared);
	}

	/**
	 * The context of one condition: the entity as root object and the guard variables,
	 * read from {@code input} when asked for.
	 */
	public EvaluationContext create(GuardInput input) {
		return new GuardEvaluationContext(this.conditions, input);
	}

	/**
	 * Shares the delegates with a context created elsewhere (by Spring Security) and sets
	 * the variables.
	 */
	public void prepare(StandardEvaluationContext context, GuardInput input) {
		share(context);
		setVariables(context, input);
	}

	/**
	 * Shares the delegates (accessors, resolvers, beans) with a context created
	 * elsewhere.
	 */
	public void share(StandardEvaluationContext context) {
		this.shared.applyDelegatesTo(context);
	}

	private static void setVariables(StandardEvaluationContext context, GuardInput input) {
		String[] names = input.parameterNames();
		Object[] arguments = input.arguments();
		for (int i = 0; i < names.length && i < arguments.length; i++) {
			context.setVariable(names[i], arguments[i]);
		}
		context.setVariable("entity", input.entity());
		context.setVariable("source", input.source());
		context.setVariable("target", input.targetState());
	}

}
