package dev.fsm.metamodel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import dev.fsm.Transitions;
import dev.fsm.metamodel.KotlinFunctions.KotlinFunction;
import dev.fsm.spi.ArgumentValidator;

/**
 * One transition: a method, the workflow it moves, and its routes.
 * <p>
 * Public because the engine runs on it.
 */
public final class TransitionModel {

	private final String name;

	private final WorkflowModel workflow;

	private final Class<?> owner;

	private final Method method;

	private final @Nullable String beanName;

	private final int entityParameterIndex;

	private final String[] parameterNames;

	private final List<String> parameterNameList;

	private final List<RouteModel> routes;

	private final List<Class<?>> argumentTypes;

	private final List<String> argumentNames;

	private final @Nullable KotlinFunction kotlin;

	private final int requiredArguments;

	private final List<Boolean> argumentsAcceptNull;

	private final List<Boolean> argumentDefaults;

	private final List<String> argumentTypeNames;

	private final List<Class<?>> methodArgumentTypes;

	private final ConcurrencyPolicy concurrency;

	private final ArgumentValidator.TransitionMethod validated;

	TransitionModel(String name, WorkflowModel workflow, Class<?> owner, Method method, @Nullable String beanName,
			int entityParameterIndex, String[] parameterNames, List<RouteModel> routes, @Nullable KotlinFunction kotlin,
			ConcurrencyPolicy concurrency) {
		this.name = name;
		this.concurrency = concurrency;
		this.workflow = workflow;
		this.owner = owner;
		this.method = method;
		this.beanName = beanName;
		this.entityParameterIndex = entityParameterIndex;
		this.parameterNames = parameterNames;
		this.parameterNameList = List.of(parameterNames);
		this.validated = new ArgumentValidator.TransitionMethod(workflow.name(), name, owner, method,
				this.parameterNameList);
		this.routes = List.copyOf(routes);
		this.kotlin = kotlin;
		List<Class<?>> methodTypes = new ArrayList<>(List.of(method.getParameterTypes()));
		List<Class<?>> types = new ArrayList<>((kotlin != null) ? kotlin.parameterTypes() : methodTypes);
		List<String> names = new ArrayList<>(List.of(parameterNames));
		List<Boolean> acceptNull = new ArrayList<>();
		List<Boolean> defaults = new ArrayList<>();
		List<String> typeNames = new ArrayList<>();
		for (int i = 0; i < types.size(); i++) {
			acceptNull.add(kotlin == null || kotlin.nullable().get(i));
			defaults.add(kotlin != null && kotlin.optional().get(i));
			typeNames.add((kotlin != null) ? kotlin.typeNames().get(i) : types.get(i).getSimpleName());
		}
		int required = (kotlin != null) ? kotlin.requiredParameters() : types.size();
		if (entityParameterIndex >= 0) {
			types.remove(entityParameterIndex);
			methodTypes.remove(entityParameterIndex);
			names.remove(entityParameterIndex);
			acceptNull.remove(entityParameterIndex);
			defaults.remove(entityParameterIndex);
			typeNames.remove(entityParameterIndex);
			required--; // the entity parameter has no default value: it is one of the
						// required ones
		}
		this.argumentTypes = List.copyOf(types);
		this.methodArgumentTypes = List.copyOf(methodTypes);
		this.argumentNames = List.copyOf(names);
		this.argumentsAcceptNull = List.copyOf(acceptNull);
		this.argumentDefaults = List.copyOf(defaults);
		this.argumentTypeNames = List.copyOf(typeNames);
		this.requiredArguments = required;
	}

	public String name() {
		return this.name;
	}

	/**
	 * Locking and retries as declared; {@link dev.fsm.Locking#DEFAULT} is the engine's to
	 * resolve.
	 */
	public ConcurrencyPolicy concurrency() {
		return this.concurrency;
	}

	public WorkflowModel workflow() {
		return this.workflow;
	}

	/**
	 * The class whose instances run the method: the entity class, or the flow bean's
	 * class.
	 */
	public Class<?> owner() {
		return this.owner;
	}

	/** The transition method, on the entity class or on the flow bean class. */
	public Method method() {
		return this.method;
	}

	/** The flow bean declaring the method, {@code null} when the entity declares it. */
	/** The method as an {@link ArgumentValidator} sees it, made once. */
	public ArgumentValidator.TransitionMethod validated() {
		return this.validated;
	}

	public @Nullable String beanName() {
		return this.beanName;
	}

	public boolean isDeclaredOnBean() {
		return this.beanName != null;
	}

	/**
	 * Index of the entity among the method parameters, {@code -1} when the entity
	 * declares it.
	 */
	public int entityParameterIndex() {
		return this.entityParameterIndex;
	}

	public String[] parameterNames() {
		return this.parameterNames;
	}

	/**
	 * The method's parameter names, the entity parameter of a flow bean's method among
	 * them.
	 */
	public List<String> parameterNameList() {
		return this.parameterNameList;
	}

	public List<RouteModel> routes() {
		return this.routes;
	}

	/** The route that starts from {@code state}, or {@code null}. */
	public @Nullable RouteModel routeFor(@Nullable Object state) {
		for (RouteModel route : this.routes) {
			if (route.matches(state)) {
				return route;
			}
		}
		return null;
	}

	/** Every state name the transition may start from. */
	public List<String> sourceNames() {
		Set<String> names = new LinkedHashSet<>();
		this.routes.forEach((route) -> names.addAll(route.view().sources()));
		return new ArrayList<>(names);
	}

	/** The method parameter types a caller supplies: all but the entity. */
	public List<Class<?>> argumentTypes() {
		return this.argumentTypes;
	}

	/** The parameter names a caller supplies: all but the entity. */
	public List<String> argumentNames() {
		return this.argumentNames;
	}

	/**
	 * How many leading arguments a caller must supply: all of them, except Kotlin
	 * parameters with default values at the end of the list.
	 */
	public int requiredArguments() {
		return this.requiredArguments;
	}

	/**
	 * Whether argument {@code index} has a default value: a Kotlin parameter declared
	 * with one.
	 */
	public boolean hasDefault(int index) {
		return this.argumentDefaults.get(index);
	}

	/**
	 * The types of the arguments as the declaring code writes them: {@code Int} for
	 * Kotlin, {@code int} for Java.
	 */
	public List<String> argumentTypeNames() {
		return this.argumentTypeNames;
	}

	/**
	 * Whether argument {@code index} may be null: not for a Kotlin parameter of a
	 * non-null type.
	 */
	public boolean acceptsNull(int index) {
		return this.argumentsAcceptNull.get(index);
	}

	/**
	 * Whether {@code argument} fits parameter {@code index} (nulls aside): a value of its
	 * type, or, for a Kotlin value class, of the type the method takes it as.
	 */
	public boolean fits(int index, @Nullable Object argument) {
		return ClassUtils.isAssignableValue(this.argumentTypes.get(index), argument)
				|| ClassUtils.isAssignableValue(this.methodArgumentTypes.get(index), argument);
	}

	/**
	 * Whether firing with {@code arguments} calls the method through Kotlin, which
	 * supplies the default values of omitted arguments (left out at the end, or
	 * {@link Transitions#DEFAULT}) and passes value classes as the method takes them.
	 */
	public boolean callsThroughKotlin(@Nullable Object[] arguments) {
		if (this.kotlin == null) {
			return false;
		}
		if (arguments.length < this.argumentTypes.size()) {
			return true;
		}
		for (int i = 0; i < arguments.length; i++) {
			if (arguments[i] == Transitions.DEFAULT || this.argumentTypes.get(i) != this.methodArgumentTypes.get(i)
					&& this.argumentTypes.get(i).isInstance(arguments[i])) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Calls the method through Kotlin on {@code receiver} (an entity view or a flow
	 * bean's proxy, so that the transition advice runs with every argument).
	 * @param arguments the leading method arguments, the entity included for a flow bean
	 */
	public @Nullable Object callThroughKotlin(Object receiver, @Nullable Object[] arguments) throws Throwable {
		KotlinFunction kotlin = this.kotlin;
		if (kotlin == null) {
			throw new IllegalStateException(this.method + " is no Kotlin function");
		}
		return kotlin.call().call(receiver, arguments);
	}

	@Override
	public String toString() {
		return this.workflow.name() + "." + this.name;
	}

}
