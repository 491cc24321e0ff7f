package dev.fsm.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.IndexAccessor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.OperatorOverloader;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeComparator;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import dev.fsm.metamodel.GuardInput;

/**
 * The context of one condition: the entity as root object, {@code #entity},
 * {@code #source}, {@code #target} and the method's named arguments as variables, read
 * from the guard input when the expression asks for them. Everything else (accessors,
 * resolvers, beans, types) is that of one shared context, so an evaluation creates one
 * small object and copies nothing.
 */
final class GuardEvaluationContext implements EvaluationContext {

	private final Shared shared;

	private final GuardInput input;

	private final TypedValue root;

	/**
	 * Variables an expression assigned ({@code #x = ..}); {@code null} until one does.
	 */
	private @Nullable Map<String, @Nullable Object> assigned;

	GuardEvaluationContext(Shared shared, GuardInput input) {
		this.shared = shared;
		this.input = input;
		this.root = new TypedValue(input.entity());
	}

	@Override
	public TypedValue getRootObject() {
		return this.root;
	}

	@Override
	public @Nullable Object lookupVariable(String name) {
		Map<String, @Nullable Object> assigned = this.assigned;
		if (assigned != null && assigned.containsKey(name)) {
			return assigned.get(name);
		}
		switch (name) {
			case "entity" -> {
				return this.input.entity();
			}
			case "source" -> {
				return this.input.source();
			}
			case "target" -> {
				return this.input.targetState();
			}
			default -> {
				String[] names = this.input.parameterNames();
				@Nullable Object[] arguments = this.input.arguments();
				for (int i = 0; i < names.length && i < arguments.length; i++) {
					if (names[i].equals(name)) {
						return arguments[i];
					}
				}
				return null;
			}
		}
	}

	@Override
	public void setVariable(String name, @Nullable Object value) {
		Map<String, @Nullable Object> assigned = this.assigned;
		if (assigned == null) {
			assigned = new HashMap<>(4);
			this.assigned = assigned;
		}
		assigned.put(name, value);
	}

	@Override
	public List<PropertyAccessor> getPropertyAccessors() {
		return this.shared.propertyAccessors;
	}

	@Override
	public List<IndexAccessor> getIndexAccessors() {
		return this.shared.indexAccessors;
	}

	@Override
	public List<ConstructorResolver> getConstructorResolvers() {
		return this.shared.constructorResolvers;
	}

	@Override
	public List<MethodResolver> getMethodResolvers() {
		return this.shared.methodResolvers;
	}

	@Override
	public @Nullable BeanResolver getBeanResolver() {
		return this.shared.context.getBeanResolver();
	}

	@Override
	public TypeLocator getTypeLocator() {
		return this.shared.context.getTypeLocator();
	}

	@Override
	public TypeConverter getTypeConverter() {
		return this.shared.context.getTypeConverter();
	}

	@Override
	public TypeComparator getTypeComparator() {
		return this.shared.context.getTypeComparator();
	}

	@Override
	public OperatorOverloader getOperatorOverloader() {
		return this.shared.context.getOperatorOverloader();
	}

	/**
	 * What every condition's context shares: one standard context's delegates, as
	 * unmodifiable lists.
	 */
	static final class Shared {

		private final StandardEvaluationContext context;

		private final List<PropertyAccessor> propertyAccessors;

		private final List<IndexAccessor> indexAccessors;

		private final List<ConstructorResolver> constructorResolvers;

		private final List<MethodResolver> methodResolvers;

		Shared(StandardEvaluationContext context) {
			this.context = context;
			this.propertyAccessors = List.copyOf(context.getPropertyAccessors());
			this.indexAccessors = List.copyOf(context.getIndexAccessors());
			this.constructorResolvers = List.copyOf(context.getConstructorResolvers());
			this.methodResolvers = List.copyOf(context.getMethodResolvers());
		}

	}

}
